// Documents a partnership sends out, generated from the plan as of a date:
//  - the quarterly review pack for the LIS and the board: headline figures,
//    RAG by agency, overdue, blocked and at risk with what blocks them,
//    changes since the previous review, escalations, completed and assured
//    in the period, rule breaches, and the critical path of each open audit
//    plan;
//  - the 7 minute briefing on one audit, for practitioners, in the
//    seven-part shape of published briefings.
// Each as one self-contained HTML page (inline CSS and SVG, no scripts, a
// print stylesheet for A4) or as Markdown with the same content.
// Pure: the date always comes from the caller.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "plansight/plan.hpp"
#include "plansight/rules.hpp"

namespace plansight {

enum class ReportFormat { html, markdown };

// The format a file name asks for: ".html" or ".htm" -> html, ".md" or
// ".markdown" -> markdown (case-insensitive). ValidationError (field "out")
// naming the file otherwise.
ReportFormat report_format_for(std::string_view path);

struct ReviewPackOptions {
  // Only this partnership; every partnership of the plan when empty
  // (NotFoundError for one the plan does not hold).
  std::optional<PartnershipId> partnership;
  // Start of the period "since the previous review" (exclusive). When empty,
  // each partnership's previous review date before as_of on its plan's
  // review cycle, or three months before as_of when it has no cycle.
  // ValidationError (field "since") unless before as_of.
  std::optional<Date> since;
  // The policy rules whose results the pack lists.
  RuleSet rules = RuleSet::builtin();
};

// The quarterly review pack as of `as_of`.
std::string render_review_pack(const Plan& plan, Date as_of, ReportFormat format,
                               const ReviewPackOptions& options = {});

// The 7 minute briefing on `audit` as of `as_of` (NotFoundError for an
// unknown audit): background (the audit, its agencies, its cases in
// aggregate), why it matters, what we found (good practice; worries and
// areas for development), key learning, next steps (the actions agreed, with
// owners, due dates and status as of `as_of`), reflect on the learning and
// further information. The editorial text comes from the audit's latest
// briefing written on or before `as_of` (briefings.hpp), when there is one.
//
// Data-minimised: cases appear only as aggregates ("ten children aged 9 to
// 17, six discussed at panel"; the age range only for two or more cases).
// Free text that names one of the plan's case references, or an
// individual's age ("17 year old", "aged 15"), is printed with that part
// withheld ("[case reference withheld]", "[age withheld]").
std::string render_briefing(const Plan& plan, AuditId audit, Date as_of, ReportFormat format);

}  // namespace plansight
