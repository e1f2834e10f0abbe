// The model's closed vocabularies as Python enum.Enum classes. Member names
// are the lower-case vocabulary names (Status.in_progress, Rag.red); str()
// of a member gives the vocabulary name itself ("in_progress", "RED"), and
// every function taking an enum also takes that name as a str (casters.hpp).
#include <pybind11/native_enum.h>

#include <algorithm>
#include <cctype>

#include "bindings.hpp"

namespace plansight::python {
namespace {

// The member name of a vocabulary name: lower case, and a trailing
// underscore where the name is a Python keyword (OutcomeKind.continue_).
std::string member_name(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (py::module_::import("keyword").attr("iskeyword")(out).cast<bool>()) out += '_';
  return out;
}

template <class E>
void bind_enum(py::module_& m, const char* name, const char* doc) {
  py::native_enum<E> binding(m, name, "enum.Enum", doc);
  for (std::size_t i = 0; i < enum_count<E>(); ++i) {
    const auto value = static_cast<E>(i);
    binding.value(member_name(to_string_view(value)).c_str(), value);
  }
  binding.finalize();
  py::object cls = m.attr(name);
  cls.attr("__str__") = py::cpp_function(
      [](E value) { return to_string(value); }, py::name("__str__"), py::is_method(cls),
      "The vocabulary name, as stored and exported (e.g. 'in_progress', 'RED').");
}

}  // namespace

void register_enums(py::module_& m) {
  bind_enum<Status>(m, "Status",
                    "Status of an action: not_started, in_progress, complete, cancelled.");
  bind_enum<Rag>(m, "Rag",
                 "BRAG rating as of a date: red (overdue), amber (blocked or due within 30 days "
                 "and not started), green, blue (complete), none (cancelled). str() gives "
                 "'RED', 'AMBER', 'GREEN', 'BLUE', 'none'.");
  bind_enum<Sector>(m, "Sector", "The sector of a partner agency.");
  bind_enum<AuditKind>(m, "AuditKind", "The kind of a multi-agency audit or review.");
  bind_enum<AuditStage>(m, "AuditStage",
                        "Lifecycle stage of an audit, from planned to closed; audits only move "
                        "forward.");
  bind_enum<FindingCategory>(m, "FindingCategory",
                             "What a finding is: good practice, an area for development, a worry "
                             "or a learning theme.");
  bind_enum<Grade>(m, "Grade",
                   "An agency return's grading of one audit question (Ofsted-style scale).");
  bind_enum<Involvement>(m, "Involvement",
                         "The level of children's services involvement in a case.");
  bind_enum<EvidenceKind>(m, "EvidenceKind",
                          "What evidence shows: an action's completion or its impact.");
  bind_enum<CycleKind>(m, "CycleKind",
                       "How a review cycle's dates fall: calendar_quarters and financial_quarters "
                       "(both on quarter ends, labelled '2024 Q3' / '2024/25 Q2'), every_n_months "
                       "from a start date, or explicit_dates.");
  bind_enum<ReviewableKind>(m, "ReviewableKind",
                            "Something re-reviewed on a cycle: a record_flag on a child's record, a "
                            "completed screening_tool, or other.");
  bind_enum<OutcomeKind>(m, "OutcomeKind",
                         "What a review meeting decided for one action: continue_ (str 'continue'), "
                         "complete, assure, extend, escalate, cancel.");
  bind_enum<Severity>(m, "Severity", "How serious a policy rule's result is: info, warning, breach.");
}

}  // namespace plansight::python
