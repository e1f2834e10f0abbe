#include "detail/writer.hpp"

#include <algorithm>

#include "detail/action_table.hpp"
#include "detail/sql.hpp"

namespace plansight::detail {

Writer::Writer(SQLite::Database& db) : db_(db) {}
Writer::~Writer() = default;

WriteStatement& Writer::statement(const char* sql) {
  auto& slot = statements_[sql];
  if (!slot) slot = std::make_unique<WriteStatement>(db_, sql);
  return *slot;
}

WriteStatement& Writer::rows_statement(const char* insert, int columns, int rows) {
  auto& slot = row_statements_[{insert, rows}];
  if (slot) return *slot;
  std::string row = "(?";
  for (int c = 1; c < columns; ++c) row += ", ?";
  row += ")";
  std::string sql = insert;
  for (int r = 0; r < rows; ++r) sql += (r ? ", " : "") + row;
  slot = std::make_unique<WriteStatement>(db_, sql.c_str());
  return *slot;
}

// The values a row of `insert` ("INSERT INTO t (a, b) VALUES ") has: one
// per column named.
static int columns_of(std::string_view insert) {
  const std::string_view names = insert.substr(0, insert.find(')'));
  return static_cast<int>(std::count(names.begin(), names.end(), ',')) + 1;
}

template <class Rows, class Bind>
void Writer::insert_rows(const char* insert, const Rows& rows, Bind&& bind) {
  const int columns = columns_of(insert);
  // At most 64 rows, and never more parameters than SQLite allows a statement.
  const int limit = sqlite3_limit(db_.getHandle(), SQLITE_LIMIT_VARIABLE_NUMBER, -1);
  const std::size_t per_statement = static_cast<std::size_t>(std::max(1, std::min(64, limit / columns)));
  std::size_t done = 0;
  if (rows.size() >= per_statement && per_statement > 1) {
    WriteStatement& many = rows_statement(insert, columns, static_cast<int>(per_statement));
    for (; rows.size() - done >= per_statement; done += per_statement)
      run_bound(many, [&] {
        for (std::size_t j = 0; j < per_statement; ++j)
          bind(many, 1 + static_cast<int>(j) * columns, rows[done + j]);
      });
  }
  WriteStatement& one = rows_statement(insert, columns, 1);
  for (; done < rows.size(); ++done) run_bound(one, [&] { bind(one, 1, rows[done]); });
}

std::int64_t Writer::begin_change(const Actor& by, std::string_view why) {
  run(statement("INSERT INTO change_set (actor, actor_agency_id, why) VALUES (?, ?, ?)"), by.name, by.agency,
      why);
  return db_.getLastInsertRowid();
}

void Writer::history(std::int64_t change, std::string_view entity, std::int64_t id, std::string_view field,
                     const std::string& old_value, const std::string& new_value) {
  run(statement("INSERT INTO history (change_id, entity, entity_id, field, old_value, new_value) "
                "VALUES (?, ?, ?, ?, ?, ?)"),
      change, entity, id, field, old_value, new_value);
}

void Writer::insert(const Partnership& p, std::int64_t change) {
  run(statement("INSERT INTO partnership (id, name, change_id) VALUES (?, ?, ?)"), p.id, p.name, change);
}

void Writer::insert(const Agency& a, std::int64_t change) {
  run(statement("INSERT INTO agency (id, name, sector, change_id) VALUES (?, ?, ?, ?)"), a.id, a.name,
      a.sector, change);
}

void Writer::insert(const Group& g, std::int64_t change) {
  run(statement("INSERT INTO monitoring_group (id, partnership_id, name, change_id) VALUES (?, ?, ?, ?)"),
      g.id, g.partnership, g.name, change);
}

void Writer::insert(const Theme& t, std::int64_t change) {
  run(statement("INSERT INTO theme (id, name, change_id) VALUES (?, ?, ?)"), t.id, t.name, change);
}

// Inserts (parent, position, value) rows of an ordered list.
template <class Parent, class List>
static void insert_list(WriteStatement& s, Parent parent, const List& values) {
  int position = 0;
  for (const auto& v : values) run(s, parent, position++, v);
}

// One entry of an ordered list (an audit's themes, a finding's cases): its
// parent's id, its position in the list, and the id it names.
struct ListRow {
  std::int64_t parent;
  int position;
  std::int64_t value;
};

// The entries of one list of each parent, parent by parent, in list order.
template <class Parent, class List>
std::vector<ListRow> list_rows(std::span<const Parent> parents, List Parent::* list) {
  std::vector<ListRow> rows;
  for (const auto& parent : parents) {
    int position = 0;
    for (const auto& value : parent.*list) rows.push_back({parent.id.value(), position++, value.value()});
  }
  return rows;
}

void Writer::insert_list_rows(const char* insert, const std::vector<ListRow>& rows) {
  insert_rows(insert, std::span(rows), [](WriteStatement& s, int first, const ListRow& r) {
    bind_values(s, first, r.parent, r.position, r.value);
  });
}

constexpr const char* audit_insert =
    "INSERT INTO audit (id, partnership_id, title, kind, held_on, stage, scope, reaudit_of, change_id) "
    "VALUES ";

void Writer::insert(const Audit& a, std::int64_t change) { insert_all(std::span(&a, 1), change); }

void Writer::insert_all(std::span<const Audit> audits, std::int64_t change) {
  insert_rows(audit_insert, audits, [&](WriteStatement& s, int first, const Audit& a) {
    bind_values(s, first, a.id, a.partnership, a.title, a.kind, a.held_on, a.stage, a.scope, a.reaudit_of,
                change);
  });
  insert_list_rows("INSERT INTO audit_theme (audit_id, position, theme_id) VALUES ",
                   list_rows(audits, &Audit::themes));
  insert_list_rows("INSERT INTO audit_agency (audit_id, position, agency_id) VALUES ",
                   list_rows(audits, &Audit::agencies));
}

void Writer::insert(const Case& c, std::int64_t change) {
  run(statement("INSERT INTO case_record (id, audit_id, reference, age_from, age_to, involvement, "
                "discussed_at_panel, change_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
      c.id, c.audit, c.reference, c.age_band.from, c.age_band.to, c.involvement, c.discussed_at_panel,
      change);
  insert_list(statement("INSERT INTO case_need (case_id, position, need) VALUES (?, ?, ?)"), c.id, c.needs);
}

void Writer::insert(const AgencyReturn& r, std::int64_t change) {
  run(statement("INSERT INTO agency_return (id, case_id, agency_id, change_id) VALUES (?, ?, ?, ?)"), r.id,
      r.case_id, r.agency, change);
  auto& grading = statement("INSERT INTO grading (return_id, position, question, grade) VALUES (?, ?, ?, ?)");
  int position = 0;
  for (const auto& g : r.gradings) run(grading, r.id, position++, g.question, g.grade);
}

constexpr const char* finding_insert =
    "INSERT INTO finding (id, audit_id, category, text, change_id) VALUES ";

void Writer::insert(const Finding& f, std::int64_t change) { insert_all(std::span(&f, 1), change); }

void Writer::insert_all(std::span<const Finding> findings, std::int64_t change) {
  insert_rows(finding_insert, findings, [&](WriteStatement& s, int first, const Finding& f) {
    bind_values(s, first, f.id, f.audit, f.category, f.text, change);
  });
  insert_list_rows("INSERT INTO finding_theme (finding_id, position, theme_id) VALUES ",
                   list_rows(findings, &Finding::themes));
  insert_list_rows("INSERT INTO finding_case (finding_id, position, case_id) VALUES ",
                   list_rows(findings, &Finding::cases));
  insert_list_rows("INSERT INTO finding_agency (finding_id, position, agency_id) VALUES ",
                   list_rows(findings, &Finding::agencies));
}

void Writer::insert(const Recommendation& r, std::int64_t change) {
  run(statement("INSERT INTO recommendation (id, audit_id, text, change_id) VALUES (?, ?, ?, ?)"), r.id,
      r.audit, r.text, change);
  insert_list(statement("INSERT INTO recommendation_finding (recommendation_id, position, finding_id) "
                        "VALUES (?, ?, ?)"),
              r.id, r.findings);
}

constexpr const char* action_insert =
    "INSERT INTO action (id, partnership_id, audit_id, finding_id, recommendation_id, title, description, "
    "owner_agency_id, owner_group_id, owner_role, owner_lead, created_on, due_on, estimate_days, "
    "success_measure, provenance, change_id) VALUES ";

namespace {

// An Action or a detail::ActionView, as its row binds.
template <class A>
void bind_action(WriteStatement& s, int first, const A& a, bool recorded, std::int64_t change) {
  bind_values(s, first, a.id, a.partnership, a.audit, a.finding, a.recommendation, a.title, a.description,
              a.owner.agency, a.owner.group, a.owner.role, a.owner.lead, a.created_on, a.due_on,
              a.estimate_days, a.success_measure, recorded ? "recorded" : "entered", change);
}

// The actions of a table from one position on, as insert_rows reads them.
struct ActionsFrom {
  const ActionTable& table;
  std::size_t from;
  std::size_t size() const { return table.size() - from; }
  ActionView operator[](std::size_t i) const { return table.view(from + i); }
};

}  // namespace

void Writer::insert(const Action& a, bool recorded, std::int64_t change) {
  insert_rows(action_insert, std::span(&a, 1), [&](WriteStatement& s, int first, const Action& row) {
    bind_action(s, first, row, recorded, change);
  });
}

void Writer::insert_all(const ActionTable& actions, std::size_t from, bool recorded, std::int64_t change) {
  insert_rows(
      action_insert, ActionsFrom{actions, from},
      [&](WriteStatement& s, int first, const ActionView& a) { bind_action(s, first, a, recorded, change); });
}

void Writer::insert(const ImmediateConcern& c, std::int64_t change) {
  run(statement("INSERT INTO immediate_concern (id, audit_id, case_id, agency_id, raised_on, description, "
                "answered_on, answer, change_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
      c.id, c.audit, c.case_id, c.agency, c.raised_on, c.description, c.answered_on, c.answer, change);
}

constexpr const char* dependency_insert =
    "INSERT INTO dependency (action_id, depends_on_id, lag_days, change_id) VALUES ";

void Writer::insert(const Dependency& d, std::int64_t change) { insert_all(std::span(&d, 1), change); }

void Writer::insert_all(std::span<const Dependency> dependencies, std::int64_t change) {
  insert_rows(dependency_insert, dependencies, [&](WriteStatement& s, int first, const Dependency& d) {
    bind_values(s, first, d.action, d.depends_on, d.lag_days, change);
  });
}

void Writer::mark_removed(ActionId action, ActionId depends_on, std::int64_t change) {
  run(statement("UPDATE dependency SET removed_change_id = ? "
                "WHERE action_id = ? AND depends_on_id = ? AND removed_change_id IS NULL"),
      change, action, depends_on);
}

constexpr const char* update_insert =
    "INSERT INTO action_update (action_id, on_date, status, reported_rag, note, by_name, completed_on, "
    "change_id) VALUES ";

void Writer::insert(const Update& u, std::int64_t change) {
  const Update* const one = &u;
  insert_all(std::span(&one, 1), change);
}

void Writer::insert_all(const ActionTable& table, std::span<const ActionUpdate> updates,
                        std::int64_t change) {
  insert_rows(update_insert, updates, [&](WriteStatement& s, int first, const ActionUpdate& u) {
    const UpdateRow& r = *u.row;
    const auto rag = r.reported_rag == UpdateRow::no_rag
                         ? std::nullopt
                         : std::optional<Rag>(static_cast<Rag>(r.reported_rag));
    const auto completed = r.completed_on.is_special() ? std::nullopt : std::optional<Date>(r.completed_on);
    bind_values(s, first, u.action, r.on, r.status, rag, table.text(r.note), table.text(r.by), completed,
                change);
  });
}

void Writer::insert_all(std::span<const Update* const> updates, std::int64_t change) {
  insert_rows(update_insert, updates, [&](WriteStatement& s, int first, const Update* u) {
    bind_values(s, first, u->action, u->on, u->status, u->reported_rag, u->note, u->by, u->completed_on,
                change);
  });
}

void Writer::insert(const DueDateRevision& r, std::int64_t change) {
  run(statement("INSERT INTO due_revision (action_id, on_date, new_due, reason, agreed_by, change_id) "
                "VALUES (?, ?, ?, ?, ?, ?)"),
      r.action, r.on, r.new_due, r.reason, r.agreed_by, change);
}

void Writer::insert(const OwnerChange& c, std::int64_t change) {
  run(statement("INSERT INTO owner_change (action_id, on_date, owner_agency_id, owner_group_id, owner_role, "
                "owner_lead, reason, change_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
      c.action, c.on, c.new_owner.agency, c.new_owner.group, c.new_owner.role, c.new_owner.lead, c.reason,
      change);
}

void Writer::insert(const Evidence& e, std::int64_t change) {
  run(statement("INSERT INTO evidence (id, action_id, on_date, kind, description, by_name, change_id) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)"),
      e.id, e.action, e.on, e.kind, e.description, e.by, change);
}

void Writer::insert(const Assurance& a, std::int64_t change) {
  run(statement("INSERT INTO assurance (action_id, on_date, group_id, note, by_name, change_id) "
                "VALUES (?, ?, ?, ?, ?, ?)"),
      a.action, a.on, a.group, a.note, a.by, change);
}

void Writer::insert(const ReviewableItem& i, std::int64_t change) {
  run(statement(
          "INSERT INTO reviewable_item (id, partnership_id, kind, description, audit_id, case_id, agency_id, "
          "placed_on, review_every_months, change_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
      i.id, i.partnership, i.kind, i.description, i.audit, i.case_id, i.agency, i.placed_on,
      i.review_every_months, change);
}

void Writer::insert(const ItemReview& r, std::int64_t change) {
  run(statement("INSERT INTO item_review (item_id, on_date, by_name, note, retired, change_id) "
                "VALUES (?, ?, ?, ?, ?, ?)"),
      r.item, r.on, r.by, r.note, r.retired, change);
}

void Writer::insert(const ReviewCycle& c, std::int64_t change) {
  // Explicit-date cycles have no start: NULL rather than an empty text.
  const std::optional<Date> start = c.start.is_special() ? std::nullopt : std::optional<Date>(c.start);
  run(statement(
          "INSERT INTO review_cycle (id, partnership_id, name, kind, start_on, months, group_id, audit_id, "
          "item_id, change_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
      c.id, c.partnership, c.name, c.kind, start, c.months, c.group, c.audit, c.item, change);
  insert_list(statement("INSERT INTO review_cycle_date (cycle_id, position, on_date) VALUES (?, ?, ?)"), c.id,
              c.dates);
}

void Writer::insert(const ReviewMeeting& m, std::int64_t change) {
  run(statement("INSERT INTO review_meeting (id, group_id, held_on, note, change_id) VALUES (?, ?, ?, ?, ?)"),
      m.id, m.group, m.held_on, m.note, change);
  insert_list(statement("INSERT INTO review_attendance (meeting_id, position, agency_id) VALUES (?, ?, ?)"),
              m.id, m.attending);
  auto& outcome = statement(
      "INSERT INTO review_outcome (meeting_id, position, action_id, kind, note, new_due, "
      "reason, escalated_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  int position = 0;
  for (const auto& o : m.outcomes)
    run(outcome, m.id, position++, o.action, o.kind, o.note, o.new_due, o.reason, o.escalated_to);
}

void Writer::insert(const Briefing& b, std::int64_t change) {
  run(statement("INSERT INTO briefing (id, audit_id, title, written_on, background, why_it_matters, "
                "next_steps, change_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
      b.id, b.audit, b.title, b.written_on, b.background, b.why_it_matters, b.next_steps, change);
  insert_list(statement("INSERT INTO briefing_reflection (briefing_id, position, prompt) VALUES (?, ?, ?)"),
              b.id, b.reflection);
  insert_list(statement("INSERT INTO briefing_further_information (briefing_id, position, line) "
                        "VALUES (?, ?, ?)"),
              b.id, b.further_information);
}

// "2024-03-01 to agencies 1, 3": the agencies in the order given.
static std::string describe_dissemination(const Dissemination& d) {
  std::string text = to_iso(d.on) + " to agenc" + (d.reached.size() == 1 ? "y " : "ies ");
  for (std::size_t i = 0; i < d.reached.size(); ++i)
    text += (i ? ", " : "") + std::to_string(d.reached[i].value());
  return text;
}

void Writer::insert(const Dissemination& d, std::int64_t change) {
  run(statement("INSERT INTO dissemination (briefing_id, on_date, by_name, note, change_id) "
                "VALUES (?, ?, ?, ?, ?)"),
      d.briefing, d.on, d.by, d.note, change);
  const std::int64_t seq = db_.getLastInsertRowid();
  insert_list(statement("INSERT INTO dissemination_agency (dissemination_seq, position, agency_id) "
                        "VALUES (?, ?, ?)"),
              seq, d.reached);
  history(change, "briefing", d.briefing.value(), "disseminated", "", describe_dissemination(d));
}

void Writer::set_audit_stage(AuditId audit, AuditStage stage) {
  run(statement("UPDATE audit SET stage = ? WHERE id = ?"), stage, audit);
}

void Writer::set_concern_answer(ConcernId concern, Date on, const std::string& answer) {
  run(statement("UPDATE immediate_concern SET answered_on = ?, answer = ? WHERE id = ?"), on, answer,
      concern);
}

}  // namespace plansight::detail
