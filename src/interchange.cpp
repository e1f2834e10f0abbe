#include "plansight/interchange.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <charconv>
#include <climits>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <future>
#include <limits>
#include <memory>
#include <optional>
#include <span>
#include <system_error>
#include <unordered_set>

#include "detail/action_table.hpp"
#include "detail/csv.hpp"
#include "detail/iso_date.hpp"
#include "detail/position_index.hpp"
#include "plansight/dates.hpp"
#include "plansight/errors.hpp"

namespace plansight {
namespace {

namespace fs = std::filesystem;
using detail::CsvReader;
using detail::CsvWriter;
using Columns = std::span<const std::string_view>;

// ---- the six files: name, and columns in header order --------------------------

namespace agencies_csv {
constexpr std::string_view file = "agencies.csv";
enum Column : std::size_t { agency_id, name, sector };
constexpr std::array<std::string_view, 3> columns{"agency_id", "name", "sector"};
}  // namespace agencies_csv

namespace audits_csv {
constexpr std::string_view file = "audits.csv";
enum Column : std::size_t { audit_id, partnership_id, title, theme, kind, held_on };
constexpr std::array<std::string_view, 6> columns{"audit_id", "partnership_id", "title",
                                                  "theme",    "kind",           "held_on"};
}  // namespace audits_csv

namespace findings_csv {
constexpr std::string_view file = "findings.csv";
enum Column : std::size_t { finding_id, audit_id, category, theme, text };
constexpr std::array<std::string_view, 5> columns{"finding_id", "audit_id", "category", "theme", "text"};
}  // namespace findings_csv

namespace actions_csv {
constexpr std::string_view file = "actions.csv";
enum Column : std::size_t {
  action_id,
  partnership_id,
  audit_id,
  finding_id,
  title,
  owner_agency_id,
  owner_role,
  created_on,
  due_on,
  estimate_days,
  status,
  completed_on
};
constexpr std::array<std::string_view, 12> columns{
    "action_id",  "partnership_id", "audit_id", "finding_id",    "title",  "owner_agency_id",
    "owner_role", "created_on",     "due_on",   "estimate_days", "status", "completed_on"};
}  // namespace actions_csv

namespace dependencies_csv {
constexpr std::string_view file = "dependencies.csv";
enum Column : std::size_t { action_id, depends_on_action_id };
constexpr std::array<std::string_view, 2> columns{"action_id", "depends_on_action_id"};
}  // namespace dependencies_csv

namespace updates_csv {
constexpr std::string_view file = "updates.csv";
enum Column : std::size_t { action_id, reviewed_on, status, rag, note };
constexpr std::array<std::string_view, 5> columns{"action_id", "reviewed_on", "status", "rag", "note"};
}  // namespace updates_csv

constexpr std::string_view theme_separator = "; ";

// ---- values from text ------------------------------------------------------------

std::optional<std::int64_t> to_integer(std::string_view text) {
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

bool all_digits(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

unsigned short digits_value(std::string_view text) {
  unsigned short value = 0;
  for (const char c : text) value = static_cast<unsigned short>(value * 10 + (c - '0'));
  return value;
}

// The common well-formed case is read directly (Boost still validates the
// day); anything else goes through parse_iso_date for its canonical message.
Date read_date(std::string_view text, std::string_view field) {
  if (text.size() == 10 && text[4] == '-' && text[7] == '-' && all_digits(text.substr(0, 4)) &&
      all_digits(text.substr(5, 2)) && all_digits(text.substr(8, 2))) {
    try {
      return Date(digits_value(text.substr(0, 4)), digits_value(text.substr(5, 2)),
                  digits_value(text.substr(8, 2)));
    } catch (const std::out_of_range&) {
    }
  }
  return parse_iso_date(text, field);
}

// A ValidationError's message without the "field: " prefix its what() carries.
std::string reason_of(const ValidationError& e) {
  const std::string_view what = e.what();
  const std::string prefix = e.field() + ": ";
  return std::string(e.field().empty() || !what.starts_with(prefix) ? what : what.substr(prefix.size()));
}

std::string in_quotes(std::string_view text) { return "'" + std::string(text) + "'"; }

std::string joined(Columns columns) {
  std::string out;
  for (const auto c : columns) out += (out.empty() ? "" : ",") + std::string(c);
  return out;
}

// ---- where a row is, and errors naming it ---------------------------------------

class Where {
 public:
  Where(const std::string& file, long line, Columns columns) : file_(file), line_(line), columns_(columns) {}

  long line() const { return line_; }
  const std::string& file() const { return file_; }

  ImportError error(std::size_t column, const std::string& reason) const {
    return ImportError(file_, line_, std::string(columns_[column]), reason);
  }

  // The column a plan's ValidationError::field() refers to, else `fallback`.
  std::size_t column_of(std::string_view field, std::size_t fallback) const {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 3> aliases{
        {{"owner", "owner_agency_id"}, {"on", "reviewed_on"}, {"depends_on", "depends_on_action_id"}}};
    if (const auto c = find(field)) return *c;
    if (const auto c = find(std::string(field) + "_id")) return *c;
    for (const auto& [from, to] : aliases)
      if (from == field) return find(to).value_or(fallback);
    return fallback;
  }

 private:
  std::optional<std::size_t> find(std::string_view name) const {
    const auto it = std::find(columns_.begin(), columns_.end(), name);
    if (name.empty() || it == columns_.end()) return std::nullopt;
    return static_cast<std::size_t>(it - columns_.begin());
  }

  const std::string& file_;
  long line_;
  Columns columns_;
};

// Runs `f`, turning any plansight::Error it throws into an ImportError on
// this row: the column a ValidationError names if it is one of the file's,
// otherwise `fallback` (the column holding the reference or id at fault).
template <class F>
void guarded(const Where& at, std::size_t fallback, F&& f) {
  try {
    f();
  } catch (const ImportError&) {
    throw;
  } catch (const ValidationError& e) {
    throw at.error(at.column_of(e.field(), fallback), reason_of(e));
  } catch (const Error& e) {
    throw at.error(fallback, e.what());
  }
}

// One data row: typed, validated access to its fields by column.
class Row {
 public:
  Row(const Where& where, const std::vector<std::string_view>& fields) : where_(where), fields_(fields) {}

  const Where& where() const { return where_; }
  ImportError error(std::size_t c, const std::string& reason) const { return where_.error(c, reason); }

  std::string_view optional_text(std::size_t c) const { return fields_[c]; }
  std::string_view text(std::size_t c) const {
    if (fields_[c].empty()) throw error(c, "must not be empty");
    return fields_[c];
  }

  template <class IdT>
  IdT id(std::size_t c) const {
    const auto value = to_integer(text(c));
    if (!value || *value <= 0) throw error(c, in_quotes(fields_[c]) + " is not a positive integer");
    return IdT(*value);
  }
  template <class IdT>
  std::optional<IdT> optional_id(std::size_t c) const {
    return fields_[c].empty() ? std::nullopt : std::optional<IdT>(id<IdT>(c));
  }

  int days(std::size_t c) const {
    const auto value = to_integer(text(c));
    if (!value || *value < 0 || *value > INT_MAX)
      throw error(c, in_quotes(fields_[c]) + " is not a non-negative whole number of days");
    return static_cast<int>(*value);
  }

  Date date(std::size_t c) const {
    Date d;
    guarded(where_, c, [&] { d = read_date(text(c), {}); });
    return d;
  }
  std::optional<Date> optional_date(std::size_t c) const {
    return fields_[c].empty() ? std::nullopt : std::optional<Date>(date(c));
  }

  template <class E>
  E vocabulary(std::size_t c) const {
    E value{};
    guarded(where_, c, [&] { value = parse<E>(text(c)); });
    return value;
  }

 private:
  const Where& where_;
  const std::vector<std::string_view>& fields_;
};

// ---- reading ------------------------------------------------------------------------

void check_header(const CsvReader& reader, Columns columns, const std::vector<std::string_view>& header) {
  const auto fail = [&](std::string_view column, const std::string& reason) {
    return ImportError(reader.name(), reader.line(), std::string(column),
                       reason + " (expected the header " + joined(columns) + ")");
  };
  for (std::size_t i = 0; i < std::max(columns.size(), header.size()); ++i) {
    if (i >= header.size()) throw fail(columns[i], "missing column " + in_quotes(columns[i]));
    if (i >= columns.size()) throw fail(header[i], "unexpected column " + in_quotes(header[i]));
    if (header[i] != columns[i])
      throw fail(columns[i], "column " + std::to_string(i + 1) + " is " + in_quotes(header[i]) +
                                 ", expected " + in_quotes(columns[i]));
  }
}

void check_field_count(const Where& at, Columns columns, const std::vector<std::string_view>& fields) {
  if (fields.size() == columns.size()) return;
  const auto counts =
      "the row has " + std::to_string(fields.size()) + " fields, expected " + std::to_string(columns.size());
  if (fields.size() < columns.size())
    throw at.error(fields.size(), counts + " (no " + in_quotes(columns[fields.size()]) + ")");
  throw ImportError(at.file(), at.line(), "", counts + " (" + joined(columns) + ")");
}

// Reads a file's rows after checking its header, handing each to `on_row`.
template <class F>
void each_row(CsvReader& reader, Columns columns, F&& on_row) {
  std::vector<std::string_view> fields;
  fields.reserve(columns.size() + 1);
  if (!reader.next(fields))
    throw ImportError(reader.name(), 1, std::string(columns[0]),
                      "the file is empty; expected the header " + joined(columns));
  check_header(reader, columns, fields);
  while (reader.next(fields)) {
    const Where at(reader.name(), reader.line(), columns);
    check_field_count(at, columns, fields);
    on_row(Row(at, fields));
  }
}

// The rows of one file, read and parsed on a thread of their own while the
// plan is built from the files before it. Parsing stops at the first row it
// cannot parse, keeping what stopped it; the importer raises that only after
// using the rows before it, so that an import names the same first error as
// reading the files one after another would.
template <class T>
struct ParsedRows {
  std::unique_ptr<CsvReader> reader;  // holds the text the rows' views point into
  std::vector<T> rows;
  std::exception_ptr error;

  Where where(long line, Columns columns) const { return Where(reader->name(), line, columns); }
  void raise_any_error() const {
    if (error) std::rethrow_exception(error);
  }
};

// Thrown to abandon a parse nobody will use any more.
struct ParseStopped {};

// Parses every row of `file` with `parse` (a function of the row alone,
// touching nothing else, as it runs on another thread), unless `stop` is
// set first: then it returns what it has, which nobody uses. `rows_at_most`
// is told, before the parse, no fewer than the rows to come (0 when the file
// cannot be read or the parse is stopped before it opens the file).
template <class T, class Parse>
ParsedRows<T> parse_rows(const fs::path& directory, std::string_view file, Columns columns, Parse parse,
                         const std::atomic<bool>& stop, std::promise<std::size_t>* rows_at_most = nullptr) {
  ParsedRows<T> out;
  const auto stopped = [&] { return stop.load(std::memory_order_relaxed); };
  const auto tell = [&](std::size_t rows) {
    if (rows_at_most) std::exchange(rows_at_most, nullptr)->set_value(rows);
  };
  try {
    if (stopped()) throw ParseStopped{};
    out.reader = std::make_unique<CsvReader>(directory / file, std::string(file));
    const std::size_t rows = out.reader->rows_at_most();
    tell(rows);
    out.rows.reserve(rows);
    each_row(*out.reader, columns, [&](const Row& r) {
      if (stopped()) throw ParseStopped{};
      out.rows.push_back(parse(r));
    });
  } catch (const ParseStopped&) {
  } catch (...) {
    out.error = std::current_exception();
  }
  tell(0);
  return out;
}

// One row of actions.csv, kept to check its status against updates.csv.
struct ActionRow {
  ActionId id;
  long line = 0;
  Status status = Status::not_started;
  std::optional<Date> completed_on;
};

ActionRow action_state(const Row& row, ActionId id) {
  namespace col = actions_csv;
  ActionRow state{id, row.where().line(), row.vocabulary<Status>(col::status),
                  row.optional_date(col::completed_on)};
  if (state.status == Status::complete && !state.completed_on)
    throw row.error(col::completed_on, "must not be empty when the status is complete");
  if (state.status != Status::complete && state.completed_on)
    throw row.error(col::completed_on, "must be empty unless the status is complete (status is " +
                                           to_string(state.status) + ")");
  return state;
}

// One row of actions.csv, every field read; the texts are views into the
// reader's buffer.
struct ActionFields {
  ActionId id;
  PartnershipId partnership;
  AuditId audit;
  std::optional<FindingId> finding;
  std::string_view title;
  AgencyId owner_agency;
  std::string_view owner_role;
  Date created_on;
  Date due_on;
  int estimate_days = 0;
  ActionRow state;  // its line is the row's
};

ActionFields action_fields(const Row& row) {
  namespace col = actions_csv;
  ActionFields f;
  f.id = row.id<ActionId>(col::action_id);
  f.partnership = row.id<PartnershipId>(col::partnership_id);
  f.audit = row.id<AuditId>(col::audit_id);
  f.finding = row.optional_id<FindingId>(col::finding_id);
  f.title = row.text(col::title);
  f.owner_agency = row.id<AgencyId>(col::owner_agency_id);
  f.owner_role = row.optional_text(col::owner_role);
  f.created_on = row.date(col::created_on);
  f.due_on = row.date(col::due_on);
  f.estimate_days = row.days(col::estimate_days);
  f.state = action_state(row, f.id);
  return f;
}

// One row of updates.csv; the note is a view into the reader's buffer.
struct UpdateRow {
  ActionId action;
  Date on;
  Status status = Status::not_started;
  std::optional<Rag> rag;
  std::string_view note;
  long line = 0;
};

UpdateRow update_row(const Row& row) {
  namespace col = updates_csv;
  UpdateRow u{row.id<ActionId>(col::action_id),    row.date(col::reviewed_on),
              row.vocabulary<Status>(col::status), std::nullopt,
              row.optional_text(col::note),        row.where().line()};
  if (!row.optional_text(col::rag).empty()) u.rag = row.vocabulary<Rag>(col::rag);
  return u;
}

// One row of dependencies.csv.
struct DependencyRow {
  ActionId action;
  ActionId depends_on;
  long line = 0;
};

DependencyRow dependency_row(const Row& row) {
  namespace col = dependencies_csv;
  return {row.id<ActionId>(col::action_id), row.id<ActionId>(col::depends_on_action_id), row.where().line()};
}

// actions.csv, dependencies.csv and updates.csv, parsed in that order (the
// order the importer needs them in) on a thread of their own, while the
// importer reads the other files and builds the plan; where no thread can
// be had, parsed at once instead. Destroying it stops the parse where it is
// (the importer failed, say) and waits for the thread.
class ParsedAhead {
 public:
  explicit ParsedAhead(fs::path directory) : directory_(std::move(directory)) {
    try {
      parsing_ = std::async(std::launch::async, [this] { parse_all(); });
    } catch (const std::system_error&) {
      parse_all();
    }
  }
  ~ParsedAhead() { stopping_ = true; }  // then parsing_, destroyed first, waits
  ParsedAhead(const ParsedAhead&) = delete;
  ParsedAhead& operator=(const ParsedAhead&) = delete;

  // Each once, waiting for its file's parse; actions_at_most no longer than
  // it takes to count actions.csv's lines.
  std::size_t actions_at_most() { return actions_at_most_.get_future().get(); }
  ParsedRows<ActionFields> actions() { return actions_.get_future().get(); }
  ParsedRows<DependencyRow> dependencies() { return dependencies_.get_future().get(); }
  ParsedRows<UpdateRow> updates() { return updates_.get_future().get(); }

 private:
  void parse_all() {
    namespace a = actions_csv;
    namespace d = dependencies_csv;
    namespace u = updates_csv;
    actions_.set_value(parse_rows<ActionFields>(directory_, a::file, a::columns, action_fields, stopping_,
                                                &actions_at_most_));
    dependencies_.set_value(
        parse_rows<DependencyRow>(directory_, d::file, d::columns, dependency_row, stopping_));
    updates_.set_value(parse_rows<UpdateRow>(directory_, u::file, u::columns, update_row, stopping_));
  }

  const fs::path directory_;
  std::atomic<bool> stopping_ = false;
  std::promise<std::size_t> actions_at_most_;
  std::promise<ParsedRows<ActionFields>> actions_;
  std::promise<ParsedRows<DependencyRow>> dependencies_;
  std::promise<ParsedRows<UpdateRow>> updates_;
  std::future<void> parsing_;  // last: destroyed first, waiting for the thread
};

// Groups update rows by action, keeping file order within each action and
// the groups in the order of their first rows (a counting sort); returns row
// indexes. `position` gives each row's action its position among the plan's
// `actions`: a table by position, where a hash map by id would allocate a
// node per action.
template <class Position>
std::vector<std::size_t> group_by_action(const std::vector<UpdateRow>& rows, std::size_t actions,
                                         Position position) {
  constexpr auto none = std::numeric_limits<std::uint32_t>::max();
  std::vector<std::uint32_t> group_of(actions, none);
  std::vector<std::uint32_t> group(rows.size());
  std::vector<std::size_t> start;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    auto& g = group_of[position(rows[i].action)];
    if (g == none) {
      g = static_cast<std::uint32_t>(start.size());
      start.push_back(0);
    }
    group[i] = g;
    ++start[g];
  }
  std::size_t sum = 0;
  for (auto& s : start) sum += std::exchange(s, sum);
  std::vector<std::size_t> order(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) order[start[group[i]]++] = i;
  return order;
}

class Importer {
 public:
  Importer(const std::string& directory, const Plan& base)
      : directory_(directory), base_(base), result_{base, {}, 0} {
    for (const auto& p : base.partnerships()) partnerships_.insert(p.id);
  }

  WorkloadImport run() && {
    // The actions and history files are read and parsed on a thread of
    // their own meanwhile (at 10^6 actions a fifth of the import's reading).
    ParsedAhead parsed(directory_);
    read(agencies_csv::file, agencies_csv::columns, [&](const Row& r) { agency(r); });
    read(audits_csv::file, audits_csv::columns, [&](const Row& r) { audit(r); });
    read(findings_csv::file, findings_csv::columns, [&](const Row& r) { finding(r); });
    make_room_for_actions(parsed.actions_at_most());
    add_actions(parsed.actions());
    add_dependencies(parsed.dependencies());
    record_updates(parsed.updates());
    check_statuses();
    return std::move(result_);
  }

 private:
  Plan& plan() { return result_.plan; }

  template <class F>
  void read(std::string_view file, Columns columns, F&& on_row) {
    CsvReader reader(directory_ / file, std::string(file));
    read_rows(reader, columns, on_row);
  }

  // With room for every action made first: the plan's columns grown by
  // doubling would move each action read so far, some twenty times over at
  // 10^6 actions.
  void make_room_for_actions(std::size_t actions) {
    plan().reserve({.actions = plan().actions().size() + actions});
  }

  void add_actions(const ParsedRows<ActionFields>& parsed) {
    for (const auto& f : parsed.rows) {
      add_action(parsed.where(f.state.line, actions_csv::columns), f);
      ++result_.rows;
    }
    parsed.raise_any_error();
  }

  template <class F>
  void read_rows(CsvReader& reader, Columns columns, F&& on_row) {
    each_row(reader, columns, [&](const Row& row) {
      on_row(row);
      ++result_.rows;
    });
  }

  // An agency the base plan already holds, identical, is shared reference
  // data (a second partnership's workload names the same agencies).
  bool known_agency(const Agency& a) const {
    const auto& all = base_.agencies();
    return std::any_of(all.begin(), all.end(), [&](const Agency& b) {
      return b.id == a.id && b.name == a.name && b.sector == a.sector;
    });
  }

  void agency(const Row& row) {
    namespace col = agencies_csv;
    Agency a{row.id<AgencyId>(col::agency_id), std::string(row.text(col::name)),
             row.vocabulary<Sector>(col::sector)};
    if (!known_agency(a)) guarded(row.where(), col::agency_id, [&] { plan().add(std::move(a)); });
  }

  PartnershipId partnership(const Row& row, std::size_t column) {
    return partnership(row.where(), column, row.id<PartnershipId>(column));
  }
  // The partnership `id`, made when new.
  PartnershipId partnership(const Where& at, std::size_t column, PartnershipId id) {
    if (partnerships_.insert(id).second)
      guarded(at, column, [&] { plan().add(Partnership{id, "Partnership " + std::to_string(id.value())}); });
    return id;
  }

  // Themes named in one field, separated by "; "; created when new.
  std::vector<ThemeId> themes(const Row& row, std::size_t column) {
    const std::string_view field = row.optional_text(column);
    std::vector<ThemeId> ids;
    for (std::size_t start = 0; start < field.size();) {
      const auto end = std::min(field.find(theme_separator, start), field.size());
      if (end == start || end + theme_separator.size() == field.size())
        throw row.error(column, "empty theme name in " + in_quotes(field));
      ids.push_back(theme(row, column, field.substr(start, end - start)));
      start = end + theme_separator.size();
    }
    return ids;
  }

  ThemeId theme(const Row& row, std::size_t column, std::string_view name) {
    if (const Theme* t = plan().find_theme(name)) return t->id;
    ThemeId id;
    guarded(row.where(), column, [&] { id = plan().add(Theme{ThemeId(), std::string(name)}).id; });
    return id;
  }

  void audit(const Row& row) {
    namespace col = audits_csv;
    Audit a;
    a.id = row.id<AuditId>(col::audit_id);
    a.partnership = partnership(row, col::partnership_id);
    a.title = row.text(col::title);
    a.themes = themes(row, col::theme);
    a.kind = row.vocabulary<AuditKind>(col::kind);
    a.held_on = row.date(col::held_on);
    guarded(row.where(), col::audit_id, [&] { plan().add(std::move(a)); });
  }

  void finding(const Row& row) {
    namespace col = findings_csv;
    Finding f;
    f.id = row.id<FindingId>(col::finding_id);
    f.audit = row.id<AuditId>(col::audit_id);
    f.category = row.vocabulary<FindingCategory>(col::category);
    f.themes = themes(row, col::theme);
    f.text = texts_.intern(row.text(col::text));
    guarded(row.where(), col::audit_id, [&] { plan().audit(f.audit); });
    guarded(row.where(), col::finding_id, [&] { plan().add(std::move(f)); });
  }

  void add_action(const Where& at, const ActionFields& f) {
    namespace col = actions_csv;
    Action a;
    a.id = f.id;
    a.partnership = partnership(at, col::partnership_id, f.partnership);
    a.audit = f.audit;
    a.finding = f.finding;
    a.title = texts_.intern(f.title);
    a.owner.agency = f.owner_agency;
    a.owner.role = texts_.intern(f.owner_role);
    a.created_on = f.created_on;
    a.due_on = f.due_on;
    a.estimate_days = f.estimate_days;
    check_references(at, a);
    if (a.due_on < a.created_on) warn_due_before_created(at, a);
    guarded(at, col::action_id, [&] { plan().add(std::move(a), Provenance::recorded); });
    actions_.push_back(f.state);
  }

  void check_references(const Where& at, const Action& a) {
    namespace col = actions_csv;
    guarded(at, col::audit_id, [&] { plan().audit(a.audit); });
    if (a.finding) guarded(at, col::finding_id, [&] { plan().finding(*a.finding); });
    guarded(at, col::owner_agency_id, [&] { plan().agency(*a.owner.agency); });
  }

  void warn_due_before_created(const Where& at, const Action& a) {
    result_.warnings.push_back({at.file(), at.line(), "due_on",
                                "due date " + to_iso(a.due_on) + " of action " +
                                    std::to_string(a.id.value()) + " is before its creation date " +
                                    to_iso(a.created_on) + "; kept as recorded"});
  }

  void require_action(const Where& at, std::size_t column, ActionId id) {
    if (detail::action_positions(plan()).find(id) < 0)
      throw at.error(column, "no action " + std::to_string(id.value()));
  }

  void add_dependencies(const ParsedRows<DependencyRow>& parsed) {
    namespace col = dependencies_csv;
    for (const auto& d : parsed.rows) {
      const Where at = parsed.where(d.line, col::columns);
      require_action(at, col::action_id, d.action);
      require_action(at, col::depends_on_action_id, d.depends_on);
      guarded(at, col::depends_on_action_id, [&] { plan().add_dependency(d.action, d.depends_on); });
      ++result_.rows;
    }
    parsed.raise_any_error();
  }

  // Every update's action must exist before any is recorded; then they are
  // recorded action by action: an action's last update needs the completion
  // date from actions.csv.
  void record_updates(const ParsedRows<UpdateRow>& parsed) {
    const auto& rows = parsed.rows;
    for (const auto& u : rows)
      require_action(parsed.where(u.line, updates_csv::columns), updates_csv::action_id, u.action);
    parsed.raise_any_error();
    const auto order =
        group_by_action(rows, plan().actions().size(), [&](ActionId id) { return position(id); });
    for (std::size_t k = 0; k < order.size(); ++k) {
      const bool last = k + 1 == order.size() || rows[order[k + 1]].action != rows[order[k]].action;
      record(parsed.reader->name(), rows[order[k]], last);
    }
    result_.rows += static_cast<long>(rows.size());
  }

  // The position in the plan of an action it holds (callers have required it).
  std::size_t position(ActionId id) const {
    return static_cast<std::size_t>(detail::action_positions(result_.plan).find(id));
  }
  // The actions.csv row of an action, null for one of the base plan: the
  // plan holds the base's actions, then actions.csv's in file order.
  const ActionRow* action_row(ActionId id) const {
    const std::size_t at = position(id), from_csv = base_.actions().size();
    return at < from_csv ? nullptr : &actions_[at - from_csv];
  }

  void record(const std::string& file, const UpdateRow& row, bool last) {
    const ActionRow* from_csv = action_row(row.action);
    Update u{row.action, row.on, row.status, row.rag, texts_.intern(row.note), imported_by_, std::nullopt};
    if (last && from_csv && from_csv->status == Status::complete && row.status == Status::complete)
      u.completed_on = from_csv->completed_on;
    guarded(Where(file, row.line, updates_csv::columns), updates_csv::status, [&] {
      try {
        plan().record(std::move(u));
      } catch (const ValidationError& e) {
        if (e.field() != "completed_on") throw;
        // The completion date comes from actions.csv: name the value there.
        throw ImportError(std::string(actions_csv::file), from_csv->line, "completed_on", reason_of(e));
      }
    });
  }

  // actions.csv states each action's status after its last update.
  void check_statuses() {
    for (const auto& row : actions_) {
      const auto updates = detail::action_view(plan(), row.id).updates;
      const Status latest = updates.empty() ? Status::not_started : updates.back().status;
      if (latest == row.status) continue;
      const std::string found = updates.empty()
                                    ? "updates.csv has no update for action " + std::to_string(row.id.value())
                                    : "the latest update for action " + std::to_string(row.id.value()) +
                                          " in updates.csv (" + to_iso(updates.back().on) + ") is " +
                                          in_quotes(to_string(latest));
      throw ImportError(std::string(actions_csv::file), row.line, "status",
                        in_quotes(to_string(row.status)) + " disagrees with updates.csv: " + found);
    }
  }

  fs::path directory_;
  const Plan& base_;
  WorkloadImport result_;
  std::unordered_set<PartnershipId> partnerships_;
  std::vector<ActionRow> actions_;  // actions.csv rows, in file order, as added to the plan
  // Titles, roles and notes repeat across rows: equal ones share a buffer.
  TextPool texts_;
  const Text imported_by_ = texts_.intern("import");
};

// ---- writing ------------------------------------------------------------------------

std::string theme_names(const Plan& plan, const std::vector<ThemeId>& ids) {
  std::string names;
  for (const auto id : ids) {
    if (!names.empty()) names += theme_separator;
    names += plan.theme(id).name;
  }
  return names;
}

// What the format cannot carry faithfully is refused before writing anything.
void require_writable(const Plan& plan) {
  for (const auto& t : plan.themes())
    if (t.name.find(theme_separator) != std::string::npos)
      throw Error("cannot write theme '" + t.name +
                  "': a theme name holding \"; \" would read back as two themes");
  for (const auto& a : plan.actions())
    if (!a.owner.agency)
      throw Error("cannot write action " + std::to_string(a.id.value()) +
                  ": it is owned by a group, and actions.csv carries agency owners only");
  for (const auto& d : plan.dependencies())
    if (d.lag_days != 0)
      throw Error("cannot write the dependency of action " + std::to_string(d.action.value()) +
                  " on action " + std::to_string(d.depends_on.value()) + ": its lag of " +
                  std::to_string(d.lag_days) + " days would be lost, as dependencies.csv carries no lag");
}

void write_header(CsvWriter& out, Columns columns) {
  for (const auto c : columns) out.plain(c);
  out.end_row();
}

void write_agencies(const Plan& plan, const fs::path& dir) {
  CsvWriter out(dir / agencies_csv::file);
  write_header(out, agencies_csv::columns);
  for (const auto& a : plan.agencies()) {
    out.field(a.id.value()).field(a.name).plain(to_string_view(a.sector));
    out.end_row();
  }
  out.close();
}

void write_audits(const Plan& plan, const fs::path& dir) {
  CsvWriter out(dir / audits_csv::file);
  write_header(out, audits_csv::columns);
  for (const auto& a : plan.audits()) {
    out.field(a.id.value()).field(a.partnership.value()).field(a.title).field(theme_names(plan, a.themes));
    out.plain(to_string_view(a.kind)).plain(detail::IsoDate(a.held_on).text());
    out.end_row();
  }
  out.close();
}

void write_findings(const Plan& plan, const fs::path& dir) {
  CsvWriter out(dir / findings_csv::file);
  write_header(out, findings_csv::columns);
  for (const auto& f : plan.findings()) {
    out.field(f.id.value()).field(f.audit.value()).plain(to_string_view(f.category));
    out.field(theme_names(plan, f.themes)).field(f.text);
    out.end_row();
  }
  out.close();
}

void write_action(CsvWriter& out, const Action& a) {
  out.field(a.id.value()).field(a.partnership.value()).field(a.audit.value());
  if (a.finding)
    out.field(a.finding->value());
  else
    out.plain({});
  out.field(a.title).field(a.owner.agency->value()).field(a.owner.role);
  out.plain(detail::IsoDate(a.created_on).text()).plain(detail::IsoDate(a.due_on).text());
  out.field(a.estimate_days);
  const Update* latest = a.updates.empty() ? nullptr : &a.updates.back();
  out.plain(to_string_view(latest ? latest->status : Status::not_started));
  const bool complete = latest && latest->status == Status::complete;
  out.plain(complete ? detail::IsoDate(latest->completed_on.value_or(latest->on)).text()
                     : std::string_view());
  out.end_row();
}

void write_actions(const Plan& plan, const fs::path& dir) {
  CsvWriter out(dir / actions_csv::file);
  write_header(out, actions_csv::columns);
  for (const auto& a : plan.actions()) write_action(out, a);
  out.close();
}

void write_dependencies(const Plan& plan, const fs::path& dir) {
  CsvWriter out(dir / dependencies_csv::file);
  write_header(out, dependencies_csv::columns);
  for (const auto& d : plan.dependencies()) {
    out.field(d.action.value()).field(d.depends_on.value());
    out.end_row();
  }
  out.close();
}

void write_updates(const Plan& plan, const fs::path& dir) {
  CsvWriter out(dir / updates_csv::file);
  write_header(out, updates_csv::columns);
  for (const auto& a : plan.actions())
    for (const auto& u : a.updates) {
      out.field(u.action.value()).plain(detail::IsoDate(u.on).text()).plain(to_string_view(u.status));
      out.plain(u.reported_rag ? to_string_view(*u.reported_rag) : std::string_view()).field(u.note);
      out.end_row();
    }
  out.close();
}

}  // namespace

const std::vector<std::string>& workload_files() {
  static const std::vector<std::string> files{
      std::string(agencies_csv::file), std::string(audits_csv::file),       std::string(findings_csv::file),
      std::string(actions_csv::file),  std::string(dependencies_csv::file), std::string(updates_csv::file)};
  return files;
}

WorkloadImport read_workload(const std::string& directory, const Plan& base) {
  return Importer(directory, base).run();
}

namespace {

// A scratch directory inside the target, removed unless released.
class Staging {
 public:
  explicit Staging(const fs::path& target) : path_(target / ".plansight-export") {
    std::error_code ec;
    fs::remove_all(path_, ec);
    fs::create_directories(path_, ec);
    if (ec) throw Error("cannot create directory " + path_.string() + ": " + ec.message());
  }
  ~Staging() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// Moves every staged file over its namesake: each rename is atomic, and
// all files were written before the first one replaces anything.
void publish(const fs::path& staged, const fs::path& target) {
  for (const auto& name : workload_files())
    if (fs::exists(target / name) && !fs::is_regular_file(target / name))
      throw Error("cannot write " + (target / name).string() + ": not a regular file");
  for (const auto& name : workload_files()) {
    std::error_code ec;
    fs::rename(staged / name, target / name, ec);
    if (ec) throw Error("cannot write " + (target / name).string() + ": " + ec.message());
  }
}

}  // namespace

void write_workload(const Plan& plan, const std::string& directory) {
  require_writable(plan);
  std::error_code ec;
  fs::create_directories(directory, ec);
  if (ec) throw Error("cannot create directory " + directory + ": " + ec.message());
  const Staging staging{fs::path(directory)};
  write_agencies(plan, staging.path());
  write_audits(plan, staging.path());
  write_findings(plan, staging.path());
  write_actions(plan, staging.path());
  write_dependencies(plan, staging.path());
  write_updates(plan, staging.path());
  publish(staging.path(), directory);
}

}  // namespace plansight
