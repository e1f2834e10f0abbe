// The 7 minute briefing on one audit, laid out by briefing.{html,md}.mustache.
// What it prints about children is decided here, and only here: cases in
// aggregate, free text with case references and individual ages withheld.
#include <algorithm>
#include <map>

#include "plansight/briefings.hpp"
#include "plansight/dates.hpp"
#include "plansight/errors.hpp"
#include "plansight/report.hpp"
#include "plansight/status.hpp"
#include "report/render.hpp"
#include "report/templates.hpp"
#include "report/withhold.hpp"

namespace plansight {
namespace {

using report::Data;
using report::set_rows;
using report::Withholder;

std::string words_of(std::string_view snake) {
  std::string text(snake);
  std::replace(text.begin(), text.end(), '_', ' ');
  return text;
}

std::string kind_label(AuditKind kind) {
  switch (kind) {
    case AuditKind::multi_agency_case_audit:
      return "multi-agency case file audit";
    case AuditKind::line_of_sight_event:
      return "multi-agency line of sight event";
    case AuditKind::qa_audit:
      return "multi-agency quality assurance audit";
    case AuditKind::re_audit:
      return "re-audit";
    default:
      return words_of(to_string(kind));
  }
}

std::string involvement_label(Involvement involvement) {
  switch (involvement) {
    case Involvement::universal:
      return "universal services only";
    case Involvement::child_protection_plan:
      return "on a child protection plan";
    case Involvement::looked_after:
      return "looked after";
    default:
      return words_of(to_string(involvement));
  }
}

// "a, b and c"
std::string joined(const std::vector<std::string>& items) {
  std::string text;
  for (std::size_t i = 0; i < items.size(); ++i)
    text += (i == 0 ? "" : i + 1 == items.size() ? " and " : ", ") + items[i];
  return text;
}

// ---- the seven parts ------------------------------------------------------------------------

// Aggregates that could describe one child are not printed (see cases_sentence).
constexpr long min_cases_for_ages = 3;
constexpr long min_cases_per_level = 2;

std::vector<std::string> paragraphs(const std::string& text, const Withholder& withhold) {
  std::vector<std::string> out;
  std::string current;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto end = std::min(text.find('\n', start), text.size());
    const std::string line = text.substr(start, end - start);
    if (is_blank(line)) {
      if (!current.empty()) out.push_back(withhold(std::move(current)));
      current.clear();
    } else {
      current += (current.empty() ? "" : " ") + line;
    }
    start = end + 1;
  }
  if (!current.empty()) out.push_back(withhold(std::move(current)));
  return out;
}

// "Ten children aged 9 to 17 were audited by eleven agencies; six were
// discussed at panel." The age range only for three or more cases: with
// one or two, an end of the range is one child's age band.
std::string cases_sentence(const std::vector<const Case*>& cases, std::size_t agencies) {
  if (cases.empty()) return "";
  const long n = static_cast<long>(cases.size());
  const long at_panel =
      std::count_if(cases.begin(), cases.end(), [](const Case* c) { return c->discussed_at_panel; });
  const std::string by = agencies == 0 ? ""
                                       : " by " + report::count_in_words(static_cast<long>(agencies)) +
                                             (agencies == 1 ? " agency" : " agencies");
  if (n == 1)
    return std::string("One child's case was audited") + by + "; it was" + (at_panel ? "" : " not") +
           " discussed at panel.";
  std::string text = report::count_in_words(n) + " children";
  if (n >= min_cases_for_ages) {
    int from = cases.front()->age_band.from, to = cases.front()->age_band.to;
    for (const Case* c : cases) {
      from = std::min(from, c->age_band.from);
      to = std::max(to, c->age_band.to);
    }
    text += " aged " + std::to_string(from) + " to " + std::to_string(to);
  }
  text += " were audited" + by + "; ";
  text += at_panel == n   ? (n == 2 ? "both were" : "all were")
          : at_panel == 0 ? (n == 2 ? "neither was" : "none was")
                          : report::count_in_words(at_panel) + (at_panel == 1 ? " was" : " were");
  text += " discussed at panel.";
  text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  return text;
}

// Counts by level of involvement, e.g. "four child in need, three on a child
// protection plan and three other". A level fewer than two children share
// would single a child out: those are counted together as "other", and when
// no level is shared by two the sentence is left out.
std::string involvement_sentence(const std::vector<const Case*>& cases) {
  std::map<Involvement, long> counts;
  for (const Case* c : cases) ++counts[c->involvement];
  std::vector<std::string> parts;
  long other = 0;
  for (const auto& [involvement, n] : counts) {
    if (n < min_cases_per_level)
      other += n;
    else
      parts.push_back(report::count_in_words(n) + " " + involvement_label(involvement));
  }
  if (parts.empty()) return "";
  if (other > 0) parts.push_back(report::count_in_words(other) + " other");
  return "Level of involvement: " + joined(parts) + ".";
}

Data finding_rows(const Plan& plan, AuditId audit, FindingCategory category, const Withholder& withhold) {
  Data rows = report::list_of();
  for (const auto& f : plan.findings()) {
    if (f.audit != audit || f.category != category) continue;
    Data row;
    row.set("text", withhold(f.text));
    std::vector<std::string> themes;
    for (const auto t : f.themes) themes.push_back(withhold(plan.theme(t).name));
    row.set("themes", joined(themes));
    row.set("has_themes", report::boolean(!themes.empty()));
    report::append(rows, std::move(row));
  }
  return rows;
}

Data action_rows(const Plan& plan, AuditId audit, Date as_of, const Withholder& withhold) {
  Data rows = report::list_of();
  for (const auto& a : plan.actions()) {
    if (a.audit != audit || !exists_at(a, as_of)) continue;
    const ActionState state = state_at(plan, a, as_of);
    Data row;
    row.set("title", withhold(a.title));
    row.set("owner", withhold(report::owner_label(plan, owner_at(a, as_of))));
    row.set("due", report::long_date(state.due_on));
    row.set("status", report::status_label(state.status));
    row.set("success_measure", withhold(a.success_measure));
    row.set("has_success_measure", report::boolean(!is_blank(a.success_measure)));
    report::append(rows, std::move(row));
  }
  return rows;
}

// The latest briefing on the audit written on or before as_of.
const Briefing* latest_briefing(const Plan& plan, AuditId audit, Date as_of) {
  const Briefing* latest = nullptr;
  for (const Briefing* b : briefings_of(plan, audit))
    if (b->written_on <= as_of && (!latest || !(b->written_on < latest->written_on))) latest = b;
  return latest;
}

void set_texts_withheld(Data& d, const std::string& name, const std::vector<std::string>& items,
                        const Withholder& withhold) {
  std::vector<std::string> out;
  for (const auto& item : items) out.push_back(withhold(item));
  report::set_texts(d, name, out);
}

void set_editorial(Data& d, const Plan& plan, const Briefing* b, Date as_of, const Withholder& withhold) {
  const auto published = b ? published_on(*b, as_of) : std::nullopt;
  d.set("published", report::boolean(published.has_value()));
  d.set("published_on", published ? report::long_date(*published) : "");
  std::vector<std::string> reached;
  if (b)
    for (const auto id : reached_agencies(*b, as_of)) reached.push_back(withhold(plan.agency(id).name));
  d.set("reached", joined(reached));
  d.set("reached_count", report::counted_in_words(static_cast<long>(reached.size()), "agency", "agencies"));
  report::set_texts(d, "background", b ? paragraphs(b->background, withhold) : std::vector<std::string>{});
  report::set_texts(d, "why_it_matters",
                    b ? paragraphs(b->why_it_matters, withhold) : std::vector<std::string>{});
  report::set_texts(d, "next_steps", b ? paragraphs(b->next_steps, withhold) : std::vector<std::string>{});
  set_texts_withheld(d, "reflection", b ? b->reflection : std::vector<std::string>{}, withhold);
  set_texts_withheld(d, "further_information", b ? b->further_information : std::vector<std::string>{},
                     withhold);
}

Data briefing_context(const Plan& plan, const Audit& audit, Date as_of) {
  const Withholder withhold(plan);
  const Briefing* b = latest_briefing(plan, audit.id, as_of);
  std::vector<const Case*> cases;
  for (const auto& c : plan.cases())
    if (c.audit == audit.id) cases.push_back(&c);
  std::vector<std::string> agencies, themes;
  for (const auto id : audit.agencies) agencies.push_back(withhold(plan.agency(id).name));
  for (const auto id : audit.themes) themes.push_back(withhold(plan.theme(id).name));

  Data d;
  d.set("title", withhold(b ? b->title : "7 minute briefing: " + audit.title));
  d.set("audit", withhold(audit.title));
  d.set("partnership", withhold(plan.partnership(audit.partnership).name));
  d.set("kind", kind_label(audit.kind));
  d.set("held_on", report::long_date(audit.held_on));
  d.set("as_of", report::long_date(as_of));
  d.set("themes", joined(themes));
  d.set("has_themes", report::boolean(!themes.empty()));
  d.set("agencies", joined(agencies));
  d.set("has_agencies", report::boolean(!agencies.empty()));
  d.set("scope", withhold(audit.scope));
  d.set("has_scope", report::boolean(!is_blank(audit.scope)));
  d.set("cases", cases_sentence(cases, audit.agencies.size()));
  d.set("has_cases", report::boolean(!cases.empty()));
  d.set("involvement", involvement_sentence(cases));
  set_editorial(d, plan, b, as_of, withhold);
  set_rows(d, "good_practice", finding_rows(plan, audit.id, FindingCategory::good_practice, withhold));
  set_rows(d, "worries", finding_rows(plan, audit.id, FindingCategory::worry, withhold));
  set_rows(d, "areas_for_development",
           finding_rows(plan, audit.id, FindingCategory::area_for_development, withhold));
  set_rows(d, "learning", finding_rows(plan, audit.id, FindingCategory::learning_theme, withhold));
  set_rows(d, "actions", action_rows(plan, audit.id, as_of, withhold));
  Data recommendations = report::list_of();
  for (const auto& r : plan.recommendations())
    if (r.audit == audit.id) report::append(recommendations, Data{"text", Data{withhold(r.text)}});
  set_rows(d, "recommendations", std::move(recommendations));
  return d;
}

}  // namespace

std::string withheld_text(const Plan& plan, std::string_view text) { return Withholder(plan)(text); }

std::string render_briefing(const Plan& plan, AuditId audit_id, Date as_of, ReportFormat format) {
  if (as_of.is_special()) throw ValidationError("as_of", "a briefing needs a date");
  const Audit& audit = plan.audit(audit_id);  // NotFoundError
  Data context = briefing_context(plan, audit, as_of);
  namespace t = report::templates;
  if (format == ReportFormat::html)
    return report::render("briefing.html", t::briefing_html_mustache, std::move(context), format,
                          {{"style", t::report_css}});
  return report::render("briefing.md", t::briefing_md_mustache, std::move(context), format);
}

}  // namespace plansight
