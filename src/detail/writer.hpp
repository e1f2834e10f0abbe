// Writes model values into the store's tables (private to the store). Each
// statement is prepared once per Writer and reused, so bulk writes cost one
// bind and step per row. The caller owns the transaction.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <map>
#include <memory>
#include <span>
#include <string>
#include <utility>

#include "plansight/model.hpp"

namespace plansight::detail {

class ActionTable;
struct ActionUpdate;
class WriteStatement;
struct ListRow;

class Writer {
 public:
  explicit Writer(SQLite::Database& db);
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;
  ~Writer();

  std::int64_t begin_change(const Actor& by, std::string_view why);
  void history(std::int64_t change, std::string_view entity, std::int64_t id, std::string_view field,
               const std::string& old_value, const std::string& new_value);

  void insert(const Partnership& p, std::int64_t change);
  void insert(const Agency& a, std::int64_t change);
  void insert(const Group& g, std::int64_t change);
  void insert(const Theme& t, std::int64_t change);
  void insert(const Audit& a, std::int64_t change);
  void insert(const Case& c, std::int64_t change);
  void insert(const AgencyReturn& r, std::int64_t change);
  void insert(const Finding& f, std::int64_t change);
  void insert(const Recommendation& r, std::int64_t change);
  void insert(const Action& a, bool recorded, std::int64_t change);
  // Many rows of one kind (a bulk import's): the same rows in the same order
  // as one insert each, written up to 64 to a statement, so that SQLite
  // starts and finishes a statement once per batch rather than per row.
  void insert_all(std::span<const Audit> audits, std::int64_t change);
  void insert_all(std::span<const Finding> findings, std::int64_t change);
  // The table's actions from position `from` on.
  void insert_all(const ActionTable& actions, std::size_t from, bool recorded, std::int64_t change);
  void insert_all(std::span<const Dependency> dependencies, std::int64_t change);
  void insert_all(std::span<const Update* const> updates, std::int64_t change);
  // Updates as the plan's table holds them (their texts in `table`).
  void insert_all(const ActionTable& table, std::span<const ActionUpdate> updates, std::int64_t change);
  void insert(const ImmediateConcern& c, std::int64_t change);
  void insert(const Dependency& d, std::int64_t change);
  // Marks the dependency in force removed by `change`; the row stays.
  void mark_removed(ActionId action, ActionId depends_on, std::int64_t change);
  void insert(const Update& u, std::int64_t change);
  void insert(const DueDateRevision& r, std::int64_t change);
  void insert(const OwnerChange& c, std::int64_t change);
  void insert(const Evidence& e, std::int64_t change);
  void insert(const Assurance& a, std::int64_t change);
  // An item's row only: its reviews are written one by one.
  void insert(const ReviewableItem& i, std::int64_t change);
  void insert(const ItemReview& r, std::int64_t change);
  void insert(const ReviewCycle& c, std::int64_t change);
  // The meeting with its attendance and outcomes; not their effects.
  void insert(const ReviewMeeting& m, std::int64_t change);
  // A briefing's row and its lines; its disseminations are written one by one.
  void insert(const Briefing& b, std::int64_t change);
  // The dissemination, the agencies it reached, and its "disseminated" history row.
  void insert(const Dissemination& d, std::int64_t change);
  void set_audit_stage(AuditId audit, AuditStage stage);
  void set_concern_answer(ConcernId concern, Date on, const std::string& answer);

 private:
  WriteStatement& statement(const char* sql);
  // `insert` is an INSERT up to its VALUES keyword, its columns named;
  // `bind(statement, first parameter, row)` binds one row's values.
  // `rows`: anything with size() and operator[] (a span, the plan's actions).
  template <class Rows, class Bind>
  void insert_rows(const char* insert, const Rows& rows, Bind&& bind);
  WriteStatement& rows_statement(const char* insert, int columns, int rows);
  void insert_list_rows(const char* insert, const std::vector<ListRow>& rows);

  SQLite::Database& db_;
  // Keyed by the SQL text's address: every statement is a string literal.
  std::map<const char*, std::unique_ptr<WriteStatement>> statements_;
  // Keyed by the INSERT's address and the rows it writes.
  std::map<std::pair<const char*, int>, std::unique_ptr<WriteStatement>> row_statements_;
};

}  // namespace plansight::detail
