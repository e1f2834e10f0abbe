#include "commands.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <optional>
#include <ostream>
#include <span>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <variant>

#include "detail/text.hpp"
#include "graphviz.hpp"
#include "plansight/dates.hpp"
#include "plansight/dependencies.hpp"
#include "plansight/dot.hpp"
#include "plansight/errors.hpp"
#include "plansight/interchange.hpp"
#include "plansight/report.hpp"
#include "plansight/rules.hpp"
#include "plansight/schedule.hpp"
#include "plansight/status.hpp"
#include "plansight/store.hpp"
#include "plansight/summary.hpp"
#include "plansight/version.hpp"

namespace plansight::cli {
namespace {

namespace fs = std::filesystem;
using Words = std::span<const std::string_view>;
using Cells = std::vector<std::string>;

// A command line that cannot be run as given (exit code 1).
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

std::string str(std::string_view text) { return std::string(text); }

// ---- options ------------------------------------------------------------------------

struct Option {
  std::string_view name;   // "--db"
  std::string_view value;  // what it takes ("FILE"); empty for a flag
  std::string_view help;
};

constexpr std::array<Option, 16> all_options{{
    {"--db", "FILE", "the plansight store (an SQLite file)"},
    {"--as-of", "DATE", "the review date, YYYY-MM-DD"},
    {"--from", "DATE", "forecast from DATE: actions open then start no earlier than DATE"},
    {"--audit", "ID", "only this audit's actions"},
    {"--partnership", "ID", "only this partnership's actions"},
    {"--days", "N", "how many days the action slips"},
    {"--format", "FORMAT", "dot (Graphviz text) or svg (needs Graphviz's dot on PATH)"},
    {"--out", "FILE", "write to FILE instead of standard output"},
    {"--lag", "N", "days between ON finishing and ACTION starting (default 0)"},
    {"--remove", "", "end the dependency instead of adding it (history keeps it)"},
    {"--actor", "NAME", "who the change is recorded as (default \"plansight <command>\")"},
    {"--verbose", "", "list every warning"},
    {"--limit", "N", "overdue and blocked actions listed per partnership (default 10; 0 lists all)"},
    {"--rules", "FILE", "a rules file configuring the built-in rules (INI; see below)"},
    {"--since", "DATE", "the period reported on starts after DATE (default: the previous review)"},
    {"--help", "", "show this help"},
}};

const Option* find_option(std::string_view name) {
  const auto it =
      std::find_if(all_options.begin(), all_options.end(), [&](const Option& o) { return o.name == name; });
  return it == all_options.end() ? nullptr : &*it;
}

// The parsed command line of one subcommand.
struct Args {
  std::vector<std::string> operands;                       // DIR, ACTION or ACTION ON, in order
  std::map<std::string, std::string, std::less<>> values;  // option -> value ("" for a flag)

  // The i-th operand (there are as many as the command takes, once parsed).
  const std::string& operand(std::size_t i = 0) const { return operands[i]; }

  bool has(std::string_view name) const { return values.find(name) != values.end(); }
  // The value of an option given (has(name) holds, as for every required option).
  const std::string& value(std::string_view name) const { return values.find(name)->second; }
  std::string value_or(std::string_view name, std::string_view fallback) const {
    return has(name) ? value(name) : str(fallback);
  }
};

// ---- commands -------------------------------------------------------------------------

using Runner = int (*)(const Args&, std::ostream& out, std::ostream& err);

struct Command {
  std::string_view name;
  std::string_view operand;                  // "DIR", "ACTION ON" ..., or empty when it takes none
  std::array<std::string_view, 3> required;  // options it cannot run without
  std::array<std::string_view, 4> optional;
  std::string_view summary;
  std::string_view description;
  Runner run;
};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& names, std::string_view name) {
  return !name.empty() && std::find(names.begin(), names.end(), name) != names.end();
}

bool accepts(const Command& c, std::string_view option) {
  return option == "--help" || contains(c.required, option) || contains(c.optional, option);
}

std::string usage_line(const Command& c) {
  std::string line = "plansight " + str(c.name);
  if (!c.operand.empty()) line += " " + str(c.operand);
  for (const auto name : c.required)
    if (!name.empty()) line += " " + str(name) + " " + str(find_option(name)->value);
  for (const auto name : c.optional) {
    if (name.empty()) continue;
    const auto value = find_option(name)->value;
    line += " [" + str(name) + (value.empty() ? "" : " " + str(value)) + "]";
  }
  return line;
}

std::string see_help(const Command& c) { return " (see 'plansight " + str(c.name) + " --help')"; }

// ---- parsing a command line ---------------------------------------------------------------

// Takes the option at rest[0] (and its value); returns how many extra words it used.
std::size_t take_option(const Command& c, Words rest, Args& args) {
  const std::string_view word = rest[0] == "-h" ? "--help" : rest[0];
  const auto eq = word.find('=');
  const auto name = word.substr(0, eq);
  const Option* option = find_option(name);
  if (!option || !accepts(c, name))
    throw UsageError("unknown option '" + str(name) + "' for plansight " + str(c.name) + see_help(c));
  if (option->value.empty()) {
    if (eq != std::string_view::npos) throw UsageError(str(name) + " takes no value" + see_help(c));
    args.values[str(name)];
    return 0;
  }
  if (eq != std::string_view::npos) {
    args.values[str(name)] = str(word.substr(eq + 1));
    return 0;
  }
  if (rest.size() < 2 || rest[1].starts_with("--"))
    throw UsageError(str(name) + " needs a value (" + str(option->value) + ")" + see_help(c));
  args.values[str(name)] = str(rest[1]);
  return 1;
}

// The names of the operands a command takes: "ACTION ON" -> {"ACTION", "ON"}.
std::vector<std::string_view> operand_names(const Command& c) {
  std::vector<std::string_view> names;
  for (std::string_view rest = c.operand; !rest.empty();) {
    const auto space = rest.find(' ');
    names.push_back(rest.substr(0, space));
    rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
  }
  return names;
}

void take_operand(const Command& c, std::string_view word, Args& args) {
  if (args.operands.size() == operand_names(c).size())
    throw UsageError("unexpected argument '" + str(word) + "' for plansight " + str(c.name) + see_help(c));
  args.operands.push_back(str(word));
}

void require_complete(const Command& c, const Args& args) {
  const auto names = operand_names(c);
  if (args.operands.size() < names.size())
    throw UsageError("missing " + str(names[args.operands.size()]) + see_help(c));
  for (const auto name : c.required)
    if (!name.empty() && !args.has(name))
      throw UsageError("missing " + str(name) + " " + str(find_option(name)->value) + see_help(c));
}

Args parse(const Command& c, Words words) {
  Args args;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i].starts_with("-") && words[i] != "-")
      i += take_option(c, words.subspan(i), args);
    else
      take_operand(c, words[i], args);
  }
  if (!args.has("--help")) require_complete(c, args);
  return args;
}

// A date given on the command line; a usage error, naming the option, when it is not one.
Date date_option(const Args& args, std::string_view option) {
  try {
    return parse_iso_date(args.value(option), option);
  } catch (const ValidationError& e) {
    throw UsageError(e.what());
  }
}

Date as_of(const Args& args) { return date_option(args, "--as-of"); }

// How many actions to list; 0 on the command line means all of them.
std::size_t limit(const Args& args) {
  const std::string text = args.value_or("--limit", "10");
  std::size_t n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty())
    throw UsageError("--limit: '" + text + "' is not a non-negative integer");
  return n == 0 ? std::numeric_limits<std::size_t>::max() : n;
}

// A whole number of at least `min` given to option `name`.
std::int64_t whole_number(std::string_view text, std::string_view name, std::int64_t min) {
  std::int64_t n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty() || n < min)
    throw UsageError(str(name) + ": '" + str(text) + "' is not a whole number of at least " +
                     std::to_string(min));
  return n;
}

std::optional<Date> from_date(const Args& args) {
  if (!args.has("--from")) return std::nullopt;
  return date_option(args, "--from");
}

// The audit or partnership asked for (--audit ID or --partnership ID, not
// both); none when neither was given.
std::optional<GraphScope> chosen_scope(const Args& args) {
  if (args.has("--audit") && args.has("--partnership"))
    throw UsageError("give --audit or --partnership, not both");
  if (args.has("--audit")) return AuditId(whole_number(args.value("--audit"), "--audit", 1));
  if (args.has("--partnership"))
    return PartnershipId(whole_number(args.value("--partnership"), "--partnership", 1));
  return std::nullopt;
}

// An action id given as an operand, "12" or "#12".
ActionId action_operand(std::string_view text, std::string_view name) {
  return ActionId(whole_number(text.substr(text.starts_with("#") ? 1 : 0), name, 1));
}

// Reading commands must not create an empty store where none was.
Store open_existing(const std::string& path) {
  if (!fs::exists(path)) throw StoreError("no plansight store at " + path);
  return Store::open(path);
}

// Writes `text` to `path`, replacing it; Error naming the file when it cannot.
void write_file(const std::string& path, std::string_view text) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file.write(text.data(), static_cast<std::streamsize>(text.size()));
  file.close();
  if (!file) throw Error("cannot write " + path);
}

// ---- plain-text tables -------------------------------------------------------------------

using detail::code_points;
using detail::shortened;

// Columns as wide as their widest cell; the first `text_columns` left-aligned,
// the rest (counts) right-aligned. An empty row prints as a rule; an empty
// header prints nothing (no header line, no rule under it).
class TextTable {
 public:
  TextTable(Cells header, std::size_t text_columns)
      : header_(std::move(header)), text_columns_(text_columns) {}
  void add(Cells row) { rows_.push_back(std::move(row)); }
  void rule() { rows_.emplace_back(); }

  void print(std::ostream& out, std::string_view indent) const {
    const auto widths = column_widths();
    if (!header_.empty()) {
      print_row(out, header_, widths, indent);
      print_rule(out, widths, indent);
    }
    for (const auto& row : rows_)
      row.empty() ? print_rule(out, widths, indent) : print_row(out, row, widths, indent);
  }

 private:
  std::vector<std::size_t> column_widths() const {
    std::vector<std::size_t> widths;
    for (const auto* row : rows_with_header())
      for (std::size_t i = 0; i < row->size(); ++i) {
        if (i == widths.size()) widths.push_back(0);
        widths[i] = std::max(widths[i], code_points((*row)[i]));
      }
    return widths;
  }

  std::vector<const Cells*> rows_with_header() const {
    std::vector<const Cells*> all{&header_};
    for (const auto& row : rows_) all.push_back(&row);
    return all;
  }

  void print_row(std::ostream& out, const Cells& row, const std::vector<std::size_t>& widths,
                 std::string_view indent) const {
    std::string line(indent);
    for (std::size_t i = 0; i < row.size(); ++i) {
      const std::string pad(widths[i] - code_points(row[i]), ' ');
      line += (i ? "  " : "") + (i < text_columns_ ? row[i] + pad : pad + row[i]);
    }
    out << line.substr(0, line.find_last_not_of(' ') + 1) << '\n';
  }

  static void print_rule(std::ostream& out, const std::vector<std::size_t>& widths, std::string_view indent) {
    if (widths.empty()) return;
    std::size_t total = 2 * (widths.size() - 1);
    for (const auto w : widths) total += w;
    out << indent << std::string(total, '-') << '\n';
  }

  Cells header_;
  std::size_t text_columns_;
  std::vector<Cells> rows_;
};

Cells concat(Cells head, const Cells& tail) {
  head.insert(head.end(), tail.begin(), tail.end());
  return head;
}

Cells rag_header() {
  Cells names;
  for (const auto name : EnumNames<Rag>::values) names.push_back(str(name));
  names.push_back("total");
  return names;
}

Cells rag_cells(const RagTally& tally) {
  Cells cells;
  long total = 0;
  for (const long n : tally) {
    cells.push_back(std::to_string(n));
    total += n;
  }
  cells.push_back(std::to_string(total));
  return cells;
}

void add_to(RagTally& sum, const RagTally& more) {
  for (std::size_t i = 0; i < sum.size(); ++i) sum[i] += more[i];
}

std::string agency_name(const Plan& plan, const std::optional<AgencyId>& agency) {
  return agency ? plan.agency(*agency).name : "(group)";
}

std::string owner_name(const Plan& plan, const Owner& owner) {
  return owner.agency ? plan.agency(*owner.agency).name : plan.group(*owner.group).name + " (group)";
}

// ---- status -----------------------------------------------------------------------------------

// Folds the rag_counts() rows from `i` on that share a partnership and an
// agency into one tally, moving `i` past them.
RagTally fold_agency(const std::vector<RagCount>& counts, std::size_t& i) {
  RagTally tally{};
  const RagCount& first = counts[i];
  for (; i < counts.size() && counts[i].partnership == first.partnership && counts[i].agency == first.agency;
       ++i)
    tally[static_cast<std::size_t>(counts[i].rag)] += counts[i].count;
  return tally;
}

// A line per partnership and agency, a total line per partnership and overall.
TextTable rag_table(const Plan& plan, Date as_of) {
  TextTable table(concat({"partnership", "agency"}, rag_header()), 2);
  const auto counts = rag_counts(plan, as_of);
  RagTally all{};
  for (std::size_t i = 0; i < counts.size();) {
    const PartnershipId partnership = counts[i].partnership;
    const std::string& name = plan.partnership(partnership).name;
    RagTally in_partnership{};
    while (i < counts.size() && counts[i].partnership == partnership) {
      const auto agency = counts[i].agency;
      const RagTally tally = fold_agency(counts, i);
      table.add(concat({name, agency_name(plan, agency)}, rag_cells(tally)));
      add_to(in_partnership, tally);
    }
    table.add(concat({name, "all agencies"}, rag_cells(in_partnership)));
    table.rule();
    add_to(all, in_partnership);
  }
  table.add(concat({"all partnerships", ""}, rag_cells(all)));
  return table;
}

int run_status(const Args& args, std::ostream& out, std::ostream&) {
  const Date date = as_of(args);
  const Store store = open_existing(args.value("--db"));
  out << "Actions by RAG as of " << to_iso(date) << "\n\n";
  rag_table(store.plan(), date).print(out, "");
  return exit_ok;
}

// ---- summary ----------------------------------------------------------------------------------

void print_headline(std::ostream& out, const PartnershipSummary& s) {
  TextTable table({"actions", "open", "overdue", "blocked", "complete", "assured", "cancelled"}, 0);
  table.add({std::to_string(s.actions), std::to_string(s.open), std::to_string(s.overdue),
             std::to_string(s.blocked), std::to_string(s.complete), std::to_string(s.assured),
             std::to_string(s.cancelled)});
  table.print(out, "  ");
}

void print_agency_rag(std::ostream& out, const Plan& plan, const PartnershipSummary& s) {
  TextTable table(concat({"agency"}, rag_header()), 1);
  for (const auto& row : s.by_agency) table.add(concat({agency_name(plan, row.agency)}, rag_cells(row.rag)));
  table.rule();
  table.add(concat({"all agencies"}, rag_cells(s.rag)));
  out << "\n  RAG by agency\n";
  table.print(out, "  ");
}

std::string id_list(const std::vector<ActionId>& ids) {
  std::string text;
  for (const auto id : ids) text += (text.empty() ? "#" : ", #") + std::to_string(id.value());
  return text;
}

// Titles are cut to keep a listed action on one line of a meeting's screen.
constexpr std::size_t title_width = 60;

Cells action_cells(const Plan& plan, const Action& a, Date as_of, bool blocked) {
  Cells cells{"#" + std::to_string(a.id.value()), shortened(a.title, title_width),
              owner_name(plan, owner_at(a, as_of)), to_iso(due_on_at(a, as_of))};
  if (blocked) cells.push_back(id_list(blockers(plan, a, as_of)));
  return cells;
}

// Lists the actions (at most `cap`), then how many more there are.
void print_actions(std::ostream& out, std::string_view heading, const Plan& plan,
                   const std::vector<ActionId>& ids, Date as_of, std::size_t cap, bool blocked) {
  out << "\n  " << heading << " actions (" << ids.size() << ")\n";
  if (ids.empty()) return;
  Cells header{"id", "title", "owner", "due"};
  if (blocked) header.push_back("waiting for");
  TextTable table(header, header.size());
  for (std::size_t i = 0; i < std::min(cap, ids.size()); ++i)
    table.add(action_cells(plan, plan.action(ids[i]), as_of, blocked));
  table.print(out, "  ");
  if (ids.size() > cap) out << "  … and " << ids.size() - cap << " more\n";
}

void print_partnership(std::ostream& out, const Plan& plan, const PartnershipSummary& s, Date as_of,
                       std::size_t cap) {
  const std::string& name = plan.partnership(s.partnership).name;
  out << '\n' << name << '\n' << std::string(code_points(name), '=') << '\n';
  if (s.actions == 0) {
    out << "  No actions as of " << to_iso(as_of) << ".\n";
    return;
  }
  print_headline(out, s);
  print_agency_rag(out, plan, s);
  print_actions(out, "Overdue", plan, s.overdue_actions, as_of, cap, false);
  print_actions(out, "Blocked", plan, s.blocked_actions, as_of, cap, true);
}

int run_summary(const Args& args, std::ostream& out, std::ostream&) {
  const Date date = as_of(args);
  const std::size_t cap = limit(args);
  const Store store = open_existing(args.value("--db"));
  const ReviewSummary summary = review_summary(store.plan(), date);
  out << "Quarterly LIS review summary as of " << to_iso(date) << " (" << summary.partnerships.size()
      << " partnerships)\n";
  for (const auto& p : summary.partnerships) print_partnership(out, store.plan(), p, date, cap);
  return exit_ok;
}

// ---- import and export --------------------------------------------------------------------

void print_warnings(const WorkloadImport& result, bool verbose, std::ostream& out, std::ostream& err) {
  const bool hidden = !verbose && !result.warnings.empty();
  out << result.warnings.size() << " warnings" << (hidden ? " (--verbose lists them)" : "") << '\n';
  if (!verbose) return;
  for (const auto& w : result.warnings)
    err << "plansight: warning: " << w.file << " line " << w.line << ", field " << w.field << ": "
        << w.message << '\n';
}

int run_import(const Args& args, std::ostream& out, std::ostream& err) {
  const std::string& dir = args.operand();
  const std::string& db = args.value("--db");
  if (!fs::is_directory(dir)) throw Error("no workload directory " + dir);
  // A new store is created only once the workload has been read without error.
  std::optional<Store> store;
  if (fs::exists(db)) store = Store::open(db);
  auto result = read_workload(dir, store ? store->plan() : Plan());
  if (!store) store = Store::open(db);
  const Actor actor{args.value_or("--actor", "plansight import"), std::nullopt};
  store->add_all(std::move(result.plan), actor, "import of " + dir);
  out << "imported " << result.rows << " rows from " << dir << " into " << db << '\n';
  print_warnings(result, args.has("--verbose"), out, err);
  return exit_ok;
}

int run_export(const Args& args, std::ostream& out, std::ostream&) {
  const Store store = open_existing(args.value("--db"));
  write_workload(store.plan(), args.operand());
  out << "exported " << store.plan().actions().size() << " actions to " << args.operand() << '\n';
  return exit_ok;
}

// ---- schedule, slip and graph ------------------------------------------------------------------

std::string chain_text(const std::vector<ActionId>& chain) {
  std::string text;
  for (const auto id : chain) text += (text.empty() ? "#" : " → #") + std::to_string(id.value());
  return text;
}

std::string signed_days(long days) { return (days > 0 ? "+" : "") + std::to_string(days); }

std::string forecast_basis(const std::optional<Date>& from) {
  return from ? "forecast from " + to_iso(*from) : "on the plan's own dates";
}

void print_critical_path(std::ostream& out, const CriticalPath& path) {
  if (path.chain.empty()) {
    out << "  No actions.\n";
    return;
  }
  out << "  Forecast completion " << to_iso(path.finish) << "; critical path " << path.days << " days from "
      << to_iso(path.start) << ":\n    " << chain_text(path.chain) << '\n';
}

// One line per action: its dates, the slack against its due date and, with a
// from-date, whether it is at risk then.
void print_timings(std::ostream& out, const Plan& plan, const Schedule& s,
                   const std::vector<std::size_t>& rows, const std::vector<ActionId>& risky, bool with_risk) {
  Cells header{"id", "title", "start", "finish", "due"};
  if (with_risk) header.push_back("at risk");
  header.push_back("slack");
  TextTable table(header, header.size() - 1);
  for (const auto i : rows) {
    const ActionTiming& t = s.actions()[i];
    Cells cells{"#" + std::to_string(t.id.value()), shortened(plan.actions()[i].title, title_width),
                to_iso(t.earliest_start), to_iso(t.earliest_finish), to_iso(t.due_on)};
    if (with_risk) cells.push_back(std::binary_search(risky.begin(), risky.end(), t.id) ? "at risk" : "");
    cells.push_back(signed_days(t.slack_days));
    table.add(std::move(cells));
  }
  out << '\n';
  table.print(out, "  ");
}

void print_heading(std::ostream& out, const std::string& heading) {
  out << '\n' << heading << '\n' << std::string(code_points(heading), '=') << '\n';
}

// Positions in plan.actions() of the actions of one partnership or audit.
template <class Pred>
std::vector<std::size_t> rows_where(const Plan& plan, Pred pred) {
  std::vector<std::size_t> rows;
  for (std::size_t i = 0; i < plan.actions().size(); ++i)
    if (pred(plan.actions()[i])) rows.push_back(i);
  return rows;
}

int run_schedule(const Args& args, std::ostream& out, std::ostream&) {
  const auto from = from_date(args);
  const auto scope = chosen_scope(args);
  const Store store = open_existing(args.value("--db"));
  const Plan& plan = store.plan();
  const Schedule s = schedule(plan, {from});
  const auto risky = from ? at_risk(plan, s, *from) : std::vector<ActionId>{};
  out << "Schedule " << forecast_basis(from) << " (slack: days to spare before a due date slips)\n";
  if (const auto* audit = scope ? std::get_if<AuditId>(&*scope) : nullptr) {
    const Audit& a = plan.audit(*audit);
    print_heading(out, "Audit " + std::to_string(a.id.value()) + ": " + a.title);
    print_critical_path(out, s.critical_path(a.id));
    const auto rows = rows_where(plan, [&](const Action& x) { return x.audit == a.id; });
    print_timings(out, plan, s, rows, risky, from.has_value());
    return exit_ok;
  }
  std::vector<PartnershipId> partnerships;
  if (scope) partnerships.push_back(plan.partnership(std::get<PartnershipId>(*scope)).id);
  for (const auto& p : scope ? std::vector<Partnership>{} : plan.partnerships()) partnerships.push_back(p.id);
  std::unordered_map<PartnershipId, std::vector<std::size_t>> rows;
  for (std::size_t i = 0; i < plan.actions().size(); ++i) rows[plan.actions()[i].partnership].push_back(i);
  for (const auto p : partnerships) {
    print_heading(out, plan.partnership(p).name);
    print_critical_path(out, s.critical_path(p));
    if (!rows[p].empty()) print_timings(out, plan, s, rows[p], risky, from.has_value());
  }
  return exit_ok;
}

void print_newly_late(std::ostream& out, const Plan& plan, const SlipImpact& impact) {
  if (impact.newly_late.empty()) {
    out << "No downstream action newly misses its due date.\n";
    return;
  }
  TextTable table({"id", "title", "due", "finish was", "finish now"}, 5);
  for (const auto& e : impact.newly_late)
    table.add({"#" + std::to_string(e.action.value()), shortened(plan.action(e.action).title, title_width),
               to_iso(e.due_on), to_iso(e.old_finish), to_iso(e.new_finish)});
  out << "Newly missing their due date:\n";
  table.print(out, "  ");
}

int run_slip(const Args& args, std::ostream& out, std::ostream&) {
  const ActionId id = action_operand(args.operand(), "ACTION");
  const int days = static_cast<int>(whole_number(args.value("--days"), "--days", 0));
  const auto from = from_date(args);
  const Store store = open_existing(args.value("--db"));
  const Plan& plan = store.plan();
  const SlipImpact impact = slip(plan, schedule(plan, {from}), id, days);
  out << "Slip of #" << id.value() << " by " << days << " days, " << forecast_basis(from) << "\n  #"
      << id.value() << " " << shortened(plan.action(id).title, title_width) << ": finish "
      << to_iso(impact.old_finish) << " → " << to_iso(impact.new_finish) << "\n"
      << impact.moved.size() << " downstream actions move; " << impact.newly_late.size()
      << " newly miss their due date.\n";
  print_newly_late(out, plan, impact);
  return exit_ok;
}

int run_graph(const Args& args, std::ostream& out, std::ostream&) {
  const Date date = as_of(args);
  const std::string& format = args.value("--format");
  if (format != "dot" && format != "svg") throw UsageError("--format: '" + format + "' is not dot or svg");
  const auto scope = chosen_scope(args);
  if (!scope) throw UsageError("give --audit ID or --partnership ID (see 'plansight graph --help')");
  const Store store = open_existing(args.value("--db"));
  const Plan& plan = store.plan();
  const std::string dot = to_dot(plan, schedule(plan, {date}), date, *scope);
  const std::string picture = format == "svg" ? render_svg(dot) : dot;
  if (!args.has("--out")) {
    out << picture;
    return exit_ok;
  }
  const std::string& file = args.value("--out");
  write_file(file, picture);
  out << "wrote the " << format << " picture to " << file << '\n';
  return exit_ok;
}

// ---- dependencies ------------------------------------------------------------------------------

// Prerequisite titles are cut shorter than the blocked action's: two fit a line.
constexpr std::size_t prerequisite_width = 40;

bool in_scope(const Action& a, const std::optional<GraphScope>& scope) {
  if (!scope) return true;
  if (const auto* audit = std::get_if<AuditId>(&*scope)) return a.audit == *audit;
  return a.partnership == std::get<PartnershipId>(*scope);
}

// One row per blocker; the blocked action's cells only on its first row.
void add_blocked_rows(TextTable& table, const Plan& plan, const BlockedAction& b, Date as_of) {
  Cells action = action_cells(plan, plan.action(b.action), as_of, false);
  for (const auto id : b.blockers) {
    const Action& p = plan.action(id);
    table.add(concat(action, {"#" + std::to_string(id.value()), shortened(p.title, prerequisite_width),
                              to_string(status_at(p, as_of)), to_iso(due_on_at(p, as_of))}));
    action.assign(action.size(), "");
  }
}

int run_blocked(const Args& args, std::ostream& out, std::ostream&) {
  const Date date = as_of(args);
  const auto scope = chosen_scope(args);
  const Store store = open_existing(args.value("--db"));
  const Plan& plan = store.plan();
  std::vector<BlockedAction> blocked = blocked_by(plan, date);
  std::erase_if(blocked, [&](const BlockedAction& b) { return !in_scope(plan.action(b.action), scope); });
  out << "Blocked actions as of " << to_iso(date) << ": " << blocked.size() << '\n';
  if (blocked.empty()) return exit_ok;
  TextTable table({"id", "title", "owner", "due", "waits for", "its title", "its status", "its due"}, 8);
  for (const auto& b : blocked) add_blocked_rows(table, plan, b, date);
  out << '\n';
  table.print(out, "  ");
  return exit_ok;
}

int run_depends(const Args& args, std::ostream& out, std::ostream&) {
  const ActionId action = action_operand(args.operand(0), "ACTION");
  const ActionId on = action_operand(args.operand(1), "ON");
  const bool remove = args.has("--remove");
  if (remove && args.has("--lag")) throw UsageError("--lag does not go with --remove");
  const int lag = static_cast<int>(whole_number(args.value_or("--lag", "0"), "--lag", 0));
  const Actor actor{args.value_or("--actor", "plansight depends"), std::nullopt};
  Store store = open_existing(args.value("--db"));
  const std::string a = std::to_string(action.value()), b = std::to_string(on.value());
  if (remove) {
    store.remove_dependency(action, on, actor);
    out << "action " << a << " no longer depends on action " << b << '\n';
    return exit_ok;
  }
  store.add_dependency(action, on, lag, actor);
  out << "action " << a << " now depends on action " << b
      << (lag ? " (starting no earlier than " + std::to_string(lag) + " days after it finishes)" : "")
      << '\n';
  return exit_ok;
}

// ---- reports -------------------------------------------------------------------------------------

RuleSet configured_rules(const Args& args) {
  RuleSet rules = RuleSet::builtin();
  if (args.has("--rules")) rules.configure(read_rule_config(args.value("--rules")));
  return rules;
}

int run_report(const Args& args, std::ostream& out, std::ostream&) {
  const std::string& kind = args.operand();
  if (kind != "review" && kind != "briefing")
    throw UsageError("KIND: '" + kind + "' is not review or briefing (see 'plansight report --help')");
  const Date date = as_of(args);
  const std::string& file = args.value("--out");
  ReportFormat format = ReportFormat::html;
  try {
    format = report_format_for(file);
  } catch (const ValidationError& e) {
    throw UsageError(e.what());
  }
  if (kind == "briefing" && !args.has("--audit"))
    throw UsageError("a briefing needs --audit ID (see 'plansight report --help')");
  if (kind == "review" && args.has("--audit"))
    throw UsageError("--audit is for a briefing; a review pack takes --partnership ID");
  for (const std::string_view option : {"--partnership", "--since", "--rules"})
    if (kind == "briefing" && args.has(option))
      throw UsageError(std::string(option) + " is for a review pack; a briefing takes --audit ID");
  const std::optional<Date> since =
      args.has("--since") ? std::optional<Date>(date_option(args, "--since")) : std::nullopt;
  const Store store = open_existing(args.value("--db"));
  std::string text;
  if (kind == "briefing") {
    text = render_briefing(store.plan(), AuditId(whole_number(args.value("--audit"), "--audit", 1)), date,
                           format);
  } else {
    ReviewPackOptions options;
    if (args.has("--partnership"))
      options.partnership = PartnershipId(whole_number(args.value("--partnership"), "--partnership", 1));
    options.since = since;
    options.rules = configured_rules(args);
    text = render_review_pack(store.plan(), date, format, options);
  }
  write_file(file, text);
  out << "wrote the " << (kind == "review" ? "review pack" : "briefing") << " as of " << to_iso(date)
      << " to " << file << '\n';
  return exit_ok;
}

// ---- policy rules -------------------------------------------------------------------------------

std::string joined(const std::vector<std::string>& names) {
  std::string text;
  for (const auto& name : names) text += (text.empty() ? "" : ", ") + name;
  return text;
}

// "ran 9 rules as of D (...), skipped 2 (...): 0 breach, 12 warning, 3 info"
std::string check_summary(const RuleReport& report) {
  std::string line =
      "ran " + std::to_string(report.ran.size()) + " rules as of " + to_iso(report.as_of) + " (" +
      joined(report.ran) + "), skipped " +
      (report.skipped.empty() ? "none"
                              : std::to_string(report.skipped.size()) + " (" + joined(report.skipped) + ")");
  return line + ": " + std::to_string(report.count(Severity::breach)) + " breach, " +
         std::to_string(report.count(Severity::warning)) + " warning, " +
         std::to_string(report.count(Severity::info)) + " info";
}

int run_check(const Args& args, std::ostream& out, std::ostream&) {
  const Date date = as_of(args);
  const RuleSet rules = configured_rules(args);
  const Store store = open_existing(args.value("--db"));
  const RuleReport report = rules.check(store.plan(), date);
  TextTable table({}, 4);
  for (const auto& r : report.results)
    table.add({to_string(r.severity), r.rule, to_string(r.subject), r.message});
  table.print(out, "");
  out << check_summary(report) << '\n';
  return report.has_breach() ? exit_breach : exit_ok;
}

// The built-in rules, for `plansight check --help`: what a rules file can name.
void print_builtin_rules(std::ostream& out) {
  TextTable table({"rule", "severity", "parameters", "checks"}, 4);
  for (const auto& rule : builtin_rules()) {
    std::string parameters;
    for (const auto& [name, value] : rule->default_parameters())
      parameters += (parameters.empty() ? "" : ", ") + name + " = " + std::to_string(value);
    table.add({rule->id(), to_string(rule->default_severity()), parameters, rule->description()});
  }
  out << "\nbuilt-in rules:\n";
  table.print(out, "  ");
}

// ---- the command table, help and dispatch --------------------------------------------------

constexpr std::array<Command, 11> commands{{
    {"import",
     "DIR",
     {"--db"},
     {"--actor", "--verbose"},
     "read a workload directory into a store",
     "Reads the six CSV files of DIR (agencies, audits, findings, actions, dependencies,\n"
     "updates) on top of the store's plan and writes them in one transaction. Bad input\n"
     "is refused whole, naming file, line and field; the store is left as it was.",
     run_import},
    {"export",
     "DIR",
     {"--db"},
     {},
     "write a store's plan as a workload directory",
     "Writes the store's plan as the six CSV files of the workload format into DIR\n"
     "(created if missing).",
     run_export},
    {"status",
     "",
     {"--db", "--as-of"},
     {},
     "count actions by partnership, agency and RAG",
     "Counts the actions existing at DATE by partnership, owner agency and RAG at DATE\n"
     "(RED overdue; AMBER blocked, or not started and due within 30 days; GREEN on\n"
     "track; BLUE complete; none cancelled).",
     run_status},
    {"summary",
     "",
     {"--db", "--as-of"},
     {"--limit"},
     "the quarterly LIS review summary",
     "Per partnership: headline figures, RAG by agency, and the overdue and blocked\n"
     "actions with their owner, the due date in force and what blocks them.",
     run_summary},
    {"schedule",
     "",
     {"--db"},
     {"--from", "--audit", "--partnership"},
     "earliest start and finish, slack and the critical path",
     "Schedules every action from its estimate and its dependencies: it starts when it\n"
     "is created or when its prerequisites finish (plus any lag), whichever is later.\n"
     "Lists, per partnership (or for one audit or partnership), each action's earliest\n"
     "start and finish, its due date and slack (negative: it or something downstream\n"
     "will be late), and the critical path: the chain of actions that ends last.\n"
     "With --from DATE, open actions start no earlier than DATE and those forecast to\n"
     "finish after their due date are marked at risk (beside RAG, never changing it).",
     run_schedule},
    {"slip",
     "ACTION",
     {"--days", "--db"},
     {"--from"},
     "what a delay of one action does downstream",
     "Delays ACTION by N days and lists the downstream actions that newly miss their\n"
     "due date, with their forecast finish before and after.",
     run_slip},
    {"graph",
     "",
     {"--db", "--as-of", "--format"},
     {"--audit", "--partnership", "--out"},
     "the dependency graph of an audit or partnership as DOT or SVG",
     "Draws the actions of one audit (--audit ID) or partnership (--partnership ID) and\n"
     "their dependencies, coloured by RAG at DATE, forecast from DATE, with actions at\n"
     "risk outlined in red and the critical path in bold. --format svg runs Graphviz's\n"
     "dot, which must be on PATH; --format dot writes the text for any Graphviz tool.",
     run_graph},
    {"blocked",
     "",
     {"--db", "--as-of"},
     {"--audit", "--partnership"},
     "each blocked action and what blocks it",
     "Lists the actions blocked at DATE (open, waiting for an action that is open at\n"
     "DATE), by id, each with the open actions it waits for: their title, status and\n"
     "the due date in force at DATE. --audit ID or --partnership ID narrows the list.",
     run_blocked},
    {"depends",
     "ACTION ON",
     {"--db"},
     {"--lag", "--remove", "--actor"},
     "record that one action waits for another, or end that",
     "Records that ACTION starts no earlier than N days (--lag, default 0) after ON\n"
     "finishes. The two may belong to different audits of one partnership. A\n"
     "dependency that would close a cycle is refused, naming every action on it.\n"
     "--remove ends the dependency; the store keeps it in its history.",
     run_depends},
    {"report",
     "KIND",
     {"--db", "--as-of", "--out"},
     {"--partnership", "--since", "--rules", "--audit"},
     "write the quarterly review pack or an audit's 7 minute briefing",
     "KIND is review or briefing. Writes one self-contained HTML page (inline CSS and\n"
     "SVG charts, no scripts, printable on A4) or Markdown, as the --out file name ends\n"
     "in .html or .md.\n"
     "review: the quarterly review pack as of DATE, for every partnership or one\n"
     "(--partnership ID): headline figures, RAG by agency, overdue, blocked and at risk\n"
     "with what blocks them, changes since the previous review on the partnership's\n"
     "review cycle (or since --since DATE), escalations, completed and assured in the\n"
     "period, rule results (--rules FILE configures the rules, as for check) and the\n"
     "critical path of each open audit plan.\n"
     "briefing: the 7 minute briefing on one audit (--audit ID) as of DATE, in seven\n"
     "parts, with the audit's cases in aggregate only: no case reference, no child's age.",
     run_report},
    {"check",
     "",
     {"--db", "--as-of"},
     {"--rules"},
     "run the policy rules over the plan",
     "Runs the built-in policy rules over the plan as of DATE and prints one line per\n"
     "result: severity, rule, subject and message, breaches first. The last line says\n"
     "which rules ran and how many results of each severity there are.\n"
     "--rules FILE configures the rules: an INI file with a [rule_id] section per rule,\n"
     "holding enabled = true|false, severity = info|warning|breach and the rule's\n"
     "parameters (whole numbers); lines starting with # or ; are comments.\n"
     "Exit codes: 0 no breach, 3 at least one breach, 1 usage error, 2 a store or\n"
     "rules file error (naming the file, line and field).",
     run_check},
}};

void print_usage(std::ostream& out) {
  out << "usage: plansight <command> [options]\n\n"
         "Tracks safeguarding partnerships' multi-agency audit action plans.\n\ncommands:\n";
  for (const auto& c : commands) out << "  " << usage_line(c) << "\n      " << c.summary << '\n';
  out << "\n  plansight <command> --help   options of a command\n"
         "  plansight --version          the version\n\n"
         "exit codes: 0 done, 1 usage error, 2 data or store error, 3 check found a breach\n";
}

void print_help(std::ostream& out, const Command& c) {
  out << "usage: " << usage_line(c) << "\n\n" << c.description << "\n\noptions:\n";
  TextTable table({}, 2);
  for (const auto& o : all_options)
    if (accepts(c, o.name))
      table.add({str(o.name) + (o.value.empty() ? "" : " " + str(o.value)), str(o.help)});
  table.print(out, "  ");
  if (c.name == "check") print_builtin_rules(out);
}

const Command& find_command(std::string_view name) {
  const auto it =
      std::find_if(commands.begin(), commands.end(), [&](const Command& c) { return c.name == name; });
  if (it == commands.end()) {
    std::string known;
    for (const auto& c : commands) known += (known.empty() ? "" : ", ") + str(c.name);
    throw UsageError("unknown command '" + str(name) + "' (commands: " + known + ")");
  }
  return *it;
}

int dispatch(const std::vector<std::string_view>& args, std::ostream& out, std::ostream& err) {
  if (args.empty()) {
    print_usage(err);
    return exit_usage;
  }
  if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    print_usage(out);
    return exit_ok;
  }
  if (args[0] == "--version") {
    out << "plansight " << version << '\n';
    return exit_ok;
  }
  const Command& command = find_command(args[0]);
  const Args parsed = parse(command, Words(args).subspan(1));
  if (parsed.has("--help")) {
    print_help(out, command);
    return exit_ok;
  }
  return command.run(parsed, out, err);
}

}  // namespace

int run(const std::vector<std::string_view>& args, std::ostream& out, std::ostream& err) {
  try {
    return dispatch(args, out, err);
  } catch (const UsageError& e) {
    err << "plansight: error: " << e.what() << '\n';
    return exit_usage;
  } catch (const std::exception& e) {  // plansight::Error, and anything the system refuses
    err << "plansight: error: " << e.what() << '\n';
    return exit_data;
  }
}

}  // namespace plansight::cli
