// Reports (report.hpp): the quarterly review pack and the 7 minute briefing,
// returned as one HTML page or Markdown text.
#include "bindings.hpp"
#include "plansight/errors.hpp"
#include "plansight/report.hpp"

namespace plansight::python {
namespace {

using namespace pybind11::literals;

ReportFormat format_named(const std::string& name) {
  if (name == "html") return ReportFormat::html;
  if (name == "markdown" || name == "md") return ReportFormat::markdown;
  throw ValidationError("format", "'" + name + "' is not html or markdown");
}

std::string review_pack(const Plan& plan, Date as_of, const std::string& format,
                        std::optional<PartnershipId> partnership, std::optional<Date> since,
                        const std::optional<RuleSet>& rules) {
  ReviewPackOptions options;
  options.partnership = partnership;
  options.since = since;
  if (rules) options.rules = *rules;
  const ReportFormat f = format_named(format);
  py::gil_scoped_release unlocked;  // pure C++ from here on
  return render_review_pack(plan, as_of, f, options);
}

std::string briefing(const Plan& plan, AuditId audit, Date as_of, const std::string& format) {
  const ReportFormat f = format_named(format);
  py::gil_scoped_release unlocked;
  return render_briefing(plan, audit, as_of, f);
}

}  // namespace

void register_report(py::module_& m) {
  m.def("render_review_pack", &review_pack, "plan"_a, "as_of"_a, "format"_a = "html", py::kw_only(),
        "partnership"_a = py::none(), "since"_a = py::none(), "rules"_a = py::none(),
        "The quarterly review pack as of as_of: one self-contained HTML page (format 'html': inline "
        "CSS and SVG charts, no scripts, a print stylesheet for A4) or Markdown ('markdown'). Sections: "
        "headline figures; RAG by agency; overdue actions; blocked and at risk; changes since the "
        "previous review; escalations; completed and assured this quarter; rule breaches; the critical "
        "path of each open audit plan. partnership: only that one (NotFoundError when unknown); since: "
        "the start of the period (default: each partnership's previous review on its plan's review "
        "cycle, else three months back; ValidationError unless before as_of); rules: the RuleSet whose "
        "results it lists (default RuleSet.builtin()). ValidationError for another format.");
  m.def("render_briefing", &briefing, "plan"_a, "audit"_a, "as_of"_a, "format"_a = "html",
        "The 7 minute briefing on an audit as of as_of, as HTML ('html') or Markdown ('markdown'): "
        "background, why it matters, good practice, worries and areas for development, key learning, "
        "next steps with the actions agreed, reflect on the learning and further information. The "
        "editorial text comes from the audit's latest briefing written on or before as_of "
        "(Store.add_briefing). Cases appear only in aggregate; case references and individual ages in "
        "free text are withheld (see withheld_text). NotFoundError for an unknown audit.");
  m.def("withheld_text", &withheld_text, "plan"_a, "text"_a,
        "text as a briefing prints it: each of the plan's case references, however written "
        "(case-insensitive; spaces, hyphens, dashes, underscores, slashes or full stops between its "
        "letters and numbers, or none; leading zeros optional), replaced by '[case reference "
        "withheld]', and each individual child's age ('16-year-old', '15 year olds', '16yo', 'aged 15', "
        "'Age: 16', 'aged 4 and 15', 'a sixteen year old', 'turned 16', 'her 16th birthday') by "
        "'[age withheld]'. Age ranges ('aged 9 to 17', '9-17', 'between 9 and 17') and thresholds "
        "('aged 16 and over') describe a group and stay. A bare number is not read as an age.");
}

}  // namespace plansight::python
