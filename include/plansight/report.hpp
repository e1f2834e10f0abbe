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
// 17 were audited ...; six were discussed at panel"): the age range only for
// three or more cases, and a level of involvement fewer than two children
// share counted as "other". All text the briefing prints that people wrote
// (findings, actions, owners, names, editorial text) goes through
// withheld_text.
std::string render_briefing(const Plan& plan, AuditId audit, Date as_of, ReportFormat format);

// `text` as a briefing prints it:
//  - every case reference the plan holds is replaced by "[case reference
//    withheld]", however it is written: case-insensitive, any of space,
//    hyphen, dash, underscore, slash or full stop (or nothing) between its
//    letters and numbers, leading zeros optional ("CAC-01", "cac 1", "CAC01");
//  - every individual child's age, in digits or words, by "[age withheld]":
//    "16-year-old", "15 year olds", "16yo", "16 y/o", "15 years of age",
//    "aged 15", "Age: 16", "aged 4 and 15", "aged 15 or 16", "turned 16",
//    "her 16th birthday", "a sixteen year old";
//  - an age range describes a group and is kept: "aged 9 to 17", "9-17",
//    "between 9 and 17 years old"; so is a threshold ("aged 16 and over").
// A bare number is not read as an age ("she is 16" is not withheld).
std::string withheld_text(const Plan& plan, std::string_view text);

}  // namespace plansight
