#include "plansight/spreadsheet.hpp"

#include <algorithm>
#include <cctype>
#include <regex>
#include <stdexcept>
#include <unordered_map>

#include "plansight/dates.hpp"
#include "plansight/review_cycles.hpp"
#include "plansight/status.hpp"

namespace plansight {
namespace {

// ---- text ---------------------------------------------------------------------------

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

// Trimmed, runs of whitespace as one space: how a person reads a cell.
std::string collapsed(std::string_view text) {
  std::string out;
  bool gap = false;
  for (const char c : text) {
    if (is_space(c)) {
      gap = !out.empty();
      continue;
    }
    if (gap) out += ' ';
    gap = false;
    out += c;
  }
  return out;
}

// Collapsed and lower-cased (ASCII): the key headers and names match on.
std::string folded(std::string_view text) {
  std::string out = collapsed(text);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// As folded(), with '_' and '-' read as spaces ("in_progress", "In-progress").
std::string folded_words(std::string_view text) {
  std::string spaced(text);
  std::replace_if(spaced.begin(), spaced.end(), [](char c) { return c == '_' || c == '-'; }, ' ');
  return folded(spaced);
}

std::string in_quotes(std::string_view text) { return "'" + std::string(text) + "'"; }

// A ValidationError's message without the "field: " prefix its what() carries.
std::string reason_of(const ValidationError& e) {
  const std::string_view what = e.what();
  const std::string prefix = e.field() + ": ";
  return std::string(e.field().empty() || !what.starts_with(prefix) ? what : what.substr(prefix.size()));
}

// ---- timescales -----------------------------------------------------------------------

ValidationError not_a_timescale(std::string_view text) {
  return ValidationError("timescale", in_quotes(text) +
                                          " is not a timescale: give a month ('March 2025'), a quarter "
                                          "('Q3 2024/25' or 'Q2 2024'), a financial year ('2024/25') or a "
                                          "date ('31/03/2025')");
}

ValidationError not_a_date(std::string_view text, const std::exception& e) {
  return ValidationError("timescale", in_quotes(text) + " is not a date: " + e.what());
}

unsigned short number(const std::string& digits) { return static_cast<unsigned short>(std::stoi(digits)); }

// January is 1; "sept" is the one abbreviation longer than three letters.
std::optional<unsigned short> month_number(const std::string& word) {
  static const std::array<std::string_view, 12> names{"january",   "february", "march",    "april",
                                                      "may",       "june",     "july",     "august",
                                                      "september", "october",  "november", "december"};
  for (std::size_t i = 0; i < names.size(); ++i)
    if (word == names[i] || word == names[i].substr(0, 3)) return static_cast<unsigned short>(i + 1);
  if (word == "sept") return 9;
  return std::nullopt;
}

// A quarter parser's refusal (a year Boost.Date_Time cannot hold), reworded as a timescale's.
template <class F>
Date last_day_of(std::string_view text, F&& parse) {
  try {
    return parse().last;
  } catch (const ValidationError& e) {
    throw ValidationError("timescale", in_quotes(text) + ": " + reason_of(e));
  }
}

std::optional<Date> month_end(std::string_view text, const std::string& t) {
  static const std::regex form(
      R"(^(?:by the end of |by end of |the end of |end of |by )?([a-z]+)\.?,? (\d{4})$)");
  std::smatch m;
  if (!std::regex_match(t, m, form)) return std::nullopt;
  const auto month = month_number(m[1]);
  if (!month) return std::nullopt;
  try {
    return Date(number(m[2]), *month, 1).end_of_month();
  } catch (const std::out_of_range& e) {
    throw not_a_date(text, e);
  }
}

// "2024/25" or "2024/2025" must name two consecutive years; returns the first.
int financial_year_start(std::string_view text, const std::string& years) {
  const auto slash = years.find('/');
  const int first = number(years.substr(0, slash));
  const std::string second = years.substr(slash + 1);
  const int next = second.size() == 4 ? first + 1 : (first + 1) % 100;
  if (number(second) != next)
    throw ValidationError("timescale", in_quotes(text) +
                                           ": a financial year runs from April into the next year, as in " +
                                           std::to_string(first) + "/" + std::to_string(first + 1).substr(2));
  return first;
}

std::optional<Date> quarter_end(std::string_view text, const std::string& t) {
  static const std::regex financial(R"(^(?:q([1-4]) (\d{4}/\d{2})|(\d{4}/\d{2}) q([1-4]))$)");
  static const std::regex calendar(R"(^(?:q([1-4]) (\d{4})|(\d{4}) q([1-4]))$)");
  std::smatch m;
  const auto words = [&] {
    return m[1].matched ? "Q" + m[1].str() + " " + m[2].str() : "Q" + m[4].str() + " " + m[3].str();
  };
  if (std::regex_match(t, m, financial)) {
    financial_year_start(text, m[1].matched ? m[2].str() : m[3].str());
    return last_day_of(text, [&] { return parse_financial_quarter(words()); });
  }
  if (std::regex_match(t, m, calendar)) return last_day_of(text, [&] { return parse_quarter(words()); });
  return std::nullopt;
}

// "2024/25" or "2024/2025": the last day of its fourth quarter.
std::optional<Date> financial_year_end(std::string_view text, const std::string& t) {
  static const std::regex form(R"(^\d{4}/(?:\d{2}|\d{4})$)");
  if (!std::regex_match(t, form)) return std::nullopt;
  const int start = financial_year_start(text, t);
  return last_day_of(text, [&] {
    return parse_financial_quarter("Q4 " + std::to_string(start) + "/" + std::to_string(start + 1).substr(2));
  });
}

std::optional<Date> exact_day(std::string_view text, const std::string& t) {
  static const std::regex uk(R"(^(\d{1,2})/(\d{1,2})/(\d{4})$)");
  static const std::regex iso(R"(^\d{4}-\d{2}-\d{2}$)");
  std::smatch m;
  if (std::regex_match(t, m, uk)) {
    try {
      return Date(number(m[3]), number(m[2]), number(m[1]));
    } catch (const std::out_of_range& e) {
      throw not_a_date(text, e);
    }
  }
  if (std::regex_match(t, iso)) return parse_iso_date(t, "timescale");
  return std::nullopt;
}

// ---- vocabularies of the cells ----------------------------------------------------------

std::optional<Status> status_named(std::string_view text) {
  const std::string t = folded_words(text);
  if (t == "not started") return Status::not_started;
  if (t == "in progress") return Status::in_progress;
  if (t == "complete" || t == "completed") return Status::complete;
  if (t == "cancelled" || t == "canceled") return Status::cancelled;
  return std::nullopt;
}

std::optional<Rag> rag_named(std::string_view text) {
  const std::string t = folded(text);
  if (t == "red" || t == "r") return Rag::red;
  if (t == "amber" || t == "a") return Rag::amber;
  if (t == "green" || t == "g") return Rag::green;
  if (t == "blue" || t == "b" || t == "complete" || t == "completed") return Rag::blue;
  return std::nullopt;
}

std::string spoken(Status s) {
  std::string name = to_string(s);
  std::replace(name.begin(), name.end(), '_', ' ');
  return name;
}

// ---- reading ----------------------------------------------------------------------------

using ColumnIndex = std::array<std::optional<std::size_t>, enum_count<PlanColumn>()>;

// One row's cells, read and checked; what the plan is then asked to take.
struct RowValues {
  std::string recommendation;
  std::string title;
  Owner owner;
  Date due;
  std::optional<Status> status;  // the Status cell's
  std::optional<Rag> rag;
  std::string note;
  std::string evidence;
};

class SheetReader {
 public:
  SheetReader(const Sheet& sheet, const ActionPlanColumns& columns, const Plan& base,
              const ActionPlanTarget& target)
      : sheet_(sheet),
        columns_(columns),
        target_(target),
        audit_(base.audit(target.audit)),
        created_on_(target.created_on.value_or(audit_.held_on)),
        result_{base, {}, {}} {
    if (target.as_of.is_special()) throw ValidationError("as_of", "must be a valid date");
    if (created_on_.is_special()) throw ValidationError("created_on", "must be a valid date");
    index_owners(base);
    for (const auto& r : base.recommendations())
      if (r.audit == audit_.id) recommendations_.try_emplace(r.text, r.id);
  }

  ActionPlanImport run() && {
    locate_columns();
    if (problems_.empty())
      for (const auto& row : sheet_.rows) read(row);
    if (!problems_.empty()) throw SheetImportError(std::move(problems_));
    return std::move(result_);
  }

 private:
  // ---- the header

  void locate_columns() {
    for (std::size_t f = 0; f < index_.size(); ++f) {
      const auto field = static_cast<PlanColumn>(f);
      const std::string& wanted = columns_.header(field);
      if (wanted.empty()) continue;
      for (std::size_t i = 0; i < sheet_.header.size(); ++i) {
        if (folded(sheet_.header[i]) != folded(wanted)) continue;
        if (index_[f])
          problem(sheet_.header_row, sheet_.header[i], sheet_.header[i],
                  "column " + in_quotes(wanted) + " appears twice (columns " +
                      std::to_string(*index_[f] + 1) + " and " + std::to_string(i + 1) + ")");
        else
          index_[f] = i;
      }
      if (!index_[f] && ActionPlanColumns::is_required(field))
        problem(sheet_.header_row, wanted, "", "missing required column " + in_quotes(wanted));
    }
  }

  // ---- one row

  void read(const SheetRow& row) {
    if (std::all_of(row.cells.begin(), row.cells.end(), [](const std::string& c) { return is_blank(c); }))
      return;
    const auto before = problems_.size();
    RowValues v = values(row);
    if (problems_.size() == before) add(row, v);
  }

  RowValues values(const SheetRow& row) {
    RowValues v;
    v.recommendation = collapsed(cell(row, PlanColumn::recommendation));
    v.title = required(row, PlanColumn::action);
    v.owner.lead = collapsed(cell(row, PlanColumn::lead_officer));
    v.note = collapsed(cell(row, PlanColumn::progress));
    v.evidence = collapsed(cell(row, PlanColumn::evidence));
    if (const auto lead = required(row, PlanColumn::lead_agency); !lead.empty()) owner(row, lead, v.owner);
    if (const auto timescale = required(row, PlanColumn::timescale); !timescale.empty()) {
      try {
        v.due = parse_timescale(timescale);
      } catch (const ValidationError& e) {
        problem(row, PlanColumn::timescale, reason_of(e));
      }
    }
    read_status(row, v);
    return v;
  }

  void owner(const SheetRow& row, const std::string& name, Owner& out) {
    if (const auto it = agencies_.find(folded(name)); it != agencies_.end())
      out.agency = it->second;
    else if (const auto g = groups_.find(folded(name)); g != groups_.end())
      out.group = g->second;
    else
      problem(row, PlanColumn::lead_agency, "no agency or group named " + in_quotes(collapsed(name)));
  }

  void read_status(const SheetRow& row, RowValues& v) {
    if (const auto text = cell(row, PlanColumn::status); !is_blank(text)) {
      v.status = status_named(text);
      if (!v.status)
        problem(row, PlanColumn::status,
                in_quotes(collapsed(text)) +
                    " is not a status (not started, in progress, complete or cancelled)");
    }
    if (const auto text = cell(row, PlanColumn::rag); !is_blank(text)) {
      v.rag = rag_named(text);
      if (!v.rag)
        problem(
            row, PlanColumn::rag,
            in_quotes(collapsed(text)) + " is not a RAG rating (RED, AMBER, GREEN, or BLUE for complete)");
    }
    if (!v.status || !v.rag) return;
    if (*v.rag == Rag::blue && *v.status != Status::complete)
      problem(row, PlanColumn::rag, "BLUE means complete, but the status is " + spoken(*v.status));
    if (*v.rag != Rag::blue && *v.status == Status::complete)
      problem(row, PlanColumn::rag,
              in_quotes(to_string(*v.rag)) + " beside status complete: complete is BLUE");
  }

  // What the row reports: an update, or nothing (see read_action_plan).
  std::optional<Update> update_of(const RowValues& v, ActionId action) const {
    Status status = Status::in_progress;
    if (v.status)
      status = *v.status;
    else if (v.rag == Rag::blue)
      status = Status::complete;
    else if (v.note.empty() && !v.rag)
      return std::nullopt;
    if (status == Status::not_started && v.note.empty()) return std::nullopt;
    return Update{action, target_.as_of, status, v.rag, v.note, target_.by, std::nullopt};
  }

  // ---- the plan's own checks

  void add(const SheetRow& row, const RowValues& v) {
    Plan& plan = result_.plan;
    Action a;
    a.partnership = audit_.partnership;
    a.audit = audit_.id;
    a.title = v.title;
    a.owner = v.owner;
    a.created_on = created_on_;
    a.due_on = v.due;
    if (!v.recommendation.empty() && !checked(row, PlanColumn::recommendation,
                                              [&] { a.recommendation = recommendation(v.recommendation); }))
      return;
    ActionId id;
    if (!checked(row, PlanColumn::action, [&] { id = plan.add(std::move(a)).id; })) return;
    result_.actions.push_back(id);
    if (const auto u = update_of(v, id))
      if (!checked(row, present(PlanColumn::status) ? PlanColumn::status : PlanColumn::progress,
                   [&] { plan.record(*u); }))
        return;
    if (!v.evidence.empty())
      checked(row, PlanColumn::evidence, [&] {
        plan.record(
            Evidence{EvidenceId(), id, target_.as_of, EvidenceKind::completion, v.evidence, target_.by});
      });
  }

  RecommendationId recommendation(const std::string& text) {
    if (const auto it = recommendations_.find(text); it != recommendations_.end()) return it->second;
    const auto id = result_.plan.add(Recommendation{RecommendationId(), audit_.id, text, {}}).id;
    recommendations_.emplace(text, id);
    result_.recommendations.push_back(id);
    return id;
  }

  // Runs `f`; a plansight::Error it throws becomes a problem of the row, in
  // the column its field names (else `fallback`). Returns whether f succeeded.
  template <class F>
  bool checked(const SheetRow& row, PlanColumn fallback, F&& f) {
    try {
      f();
      return true;
    } catch (const ValidationError& e) {
      problem(row, column_of(e.field(), fallback), reason_of(e));
    } catch (const Error& e) {
      problem(row, fallback, e.what());
    }
    return false;
  }

  PlanColumn column_of(const std::string& field, PlanColumn fallback) const {
    static const std::unordered_map<std::string, PlanColumn> columns{
        {"title", PlanColumn::action},         {"due_on", PlanColumn::timescale},
        {"created_on", PlanColumn::timescale}, {"owner", PlanColumn::lead_agency},
        {"note", PlanColumn::progress},        {"description", PlanColumn::evidence},
        {"text", PlanColumn::recommendation},  {"completed_on", PlanColumn::status}};
    const auto it = columns.find(field);
    return it != columns.end() && present(it->second) ? it->second : fallback;
  }

  // ---- cells and problems

  bool present(PlanColumn field) const { return index_[static_cast<std::size_t>(field)].has_value(); }

  std::string_view cell(const SheetRow& row, PlanColumn field) const {
    const auto& i = index_[static_cast<std::size_t>(field)];
    if (!i || *i >= row.cells.size()) return {};
    return row.cells[*i];
  }

  std::string required(const SheetRow& row, PlanColumn field) {
    std::string text = collapsed(cell(row, field));
    if (text.empty()) problem(row, field, "must not be empty");
    return text;
  }

  // The column as the sheet's header names it (the mapping's name when absent).
  std::string column_name(PlanColumn field) const {
    const auto& i = index_[static_cast<std::size_t>(field)];
    return i ? sheet_.header[*i] : columns_.header(field);
  }

  void problem(const SheetRow& row, PlanColumn field, std::string message) {
    problem(row.number, column_name(field), std::string(cell(row, field)), std::move(message));
  }
  void problem(long row, std::string column, std::string value, std::string message) {
    problems_.push_back({sheet_.name, row, std::move(column), std::move(value), std::move(message)});
  }

  void index_owners(const Plan& base) {
    for (const auto& a : base.agencies()) agencies_.try_emplace(folded(a.name), a.id);
    for (const auto& g : base.groups())
      if (g.partnership == audit_.partnership) groups_.try_emplace(folded(g.name), g.id);
  }

  const Sheet& sheet_;
  const ActionPlanColumns& columns_;
  const ActionPlanTarget& target_;
  const Audit audit_;
  const Date created_on_;
  ActionPlanImport result_;
  ColumnIndex index_{};
  std::vector<SheetProblem> problems_;
  std::unordered_map<std::string, AgencyId> agencies_;                 // by folded name; the first of a name
  std::unordered_map<std::string, GroupId> groups_;                    // the partnership's, by folded name
  std::unordered_map<std::string, RecommendationId> recommendations_;  // the audit's, by exact text
};

// ---- the error's message ----------------------------------------------------------------

SheetProblem first_of(const std::vector<SheetProblem>& problems) {
  return problems.empty() ? SheetProblem{} : problems.front();
}

std::string described(const std::vector<SheetProblem>& problems) {
  const auto n = problems.size();
  std::string out = first_of(problems).sheet + ": " + std::to_string(n) +
                    (n == 1 ? " problem" : " problems") + ", nothing was read";
  for (const auto& p : problems) out += "\nrow " + std::to_string(p.row) + ", " + p.column + ": " + p.message;
  return out;
}

// ---- writing ----------------------------------------------------------------------------

const Update* latest_update(const Action& a, Date as_of) {
  const Update* latest = nullptr;
  for (const auto& u : a.updates)
    if (u.on <= as_of) latest = &u;
  return latest;
}

std::string owner_name(const Plan& plan, const Owner& owner) {
  if (owner.agency) return plan.agency(*owner.agency).name;
  if (owner.group) return plan.group(*owner.group).name;
  return {};
}

std::string evidence_descriptions(const Action& a, Date as_of) {
  std::string out;
  for (const auto& e : a.evidence)
    if (e.on <= as_of) out += (out.empty() ? "" : "; ") + e.description;
  return out;
}

std::string written(const Plan& plan, const Action& a, Date as_of, PlanColumn field) {
  switch (field) {
    case PlanColumn::recommendation:
      return a.recommendation ? plan.recommendation(*a.recommendation).text : std::string();
    case PlanColumn::action:
      return a.title.str();
    case PlanColumn::lead_agency:
      return owner_name(plan, owner_at(a, as_of));
    case PlanColumn::lead_officer:
      return owner_at(a, as_of).lead.str();
    case PlanColumn::timescale:
      return to_iso(due_on_at(a, as_of));
    case PlanColumn::status:
      return spoken(status_at(a, as_of));
    case PlanColumn::progress: {
      const Update* latest = latest_update(a, as_of);
      return latest ? latest->note.str() : std::string();
    }
    case PlanColumn::rag: {
      const Rag rag = rag_at(plan, a, as_of);
      return rag == Rag::none ? std::string() : to_string(rag);
    }
    case PlanColumn::evidence:
      return evidence_descriptions(a, as_of);
  }
  return {};
}

}  // namespace

SheetImportError::SheetImportError(std::vector<SheetProblem> problems)
    : ImportError(first_of(problems).sheet, first_of(problems).row, first_of(problems).column,
                  Worded{described(problems)}),
      problems_(std::move(problems)) {}

Sheet make_sheet(std::string name, std::vector<std::string> header,
                 std::vector<std::vector<std::string>> rows, long header_row) {
  Sheet sheet{std::move(name), header_row, std::move(header), {}};
  sheet.rows.reserve(rows.size());
  long number = header_row;
  for (auto& cells : rows) sheet.rows.push_back(SheetRow{++number, std::move(cells)});
  return sheet;
}

ActionPlanColumns::ActionPlanColumns()
    : headers_{"Recommendation", "Action",          "Lead agency", "Lead officer", "Timescale",
               "Status",         "Progress update", "RAG",         "Evidence"} {}

bool ActionPlanColumns::is_required(PlanColumn field) {
  return field == PlanColumn::recommendation || field == PlanColumn::action ||
         field == PlanColumn::lead_agency || field == PlanColumn::timescale;
}

ActionPlanColumns& ActionPlanColumns::set(PlanColumn field, std::string header) {
  header = collapsed(header);
  if (header.empty() && is_required(field))
    throw ValidationError("columns", "the " + to_string(field) + " column is required and needs a header");
  headers_[static_cast<std::size_t>(field)] = std::move(header);
  return *this;
}

Date parse_timescale(std::string_view text) {
  const std::string t = folded(text);
  if (t.empty()) throw ValidationError("timescale", "must not be empty");
  if (const auto d = month_end(text, t)) return *d;
  if (const auto d = quarter_end(text, t)) return *d;
  if (const auto d = financial_year_end(text, t)) return *d;
  if (const auto d = exact_day(text, t)) return *d;
  throw not_a_timescale(collapsed(text));
}

ActionPlanImport read_action_plan(const Sheet& sheet, const ActionPlanColumns& columns, const Plan& base,
                                  const ActionPlanTarget& target) {
  return SheetReader(sheet, columns, base, target).run();
}

Sheet write_action_plan(const Plan& plan, AuditId audit, Date as_of, const ActionPlanColumns& columns) {
  plan.audit(audit);
  if (as_of.is_special()) throw ValidationError("as_of", "must be a valid date");
  std::vector<PlanColumn> fields;
  Sheet sheet{"Action plan", 1, {}, {}};
  for (std::size_t f = 0; f < enum_count<PlanColumn>(); ++f) {
    const auto field = static_cast<PlanColumn>(f);
    if (columns.header(field).empty()) continue;
    fields.push_back(field);
    sheet.header.push_back(columns.header(field));
  }
  for (const auto& a : plan.actions()) {
    if (a.audit != audit || !exists_at(a, as_of)) continue;
    SheetRow row{sheet.header_row + 1 + static_cast<long>(sheet.rows.size()), {}};
    for (const auto field : fields) row.cells.push_back(written(plan, a, as_of, field));
    sheet.rows.push_back(std::move(row));
  }
  return sheet;
}

}  // namespace plansight
