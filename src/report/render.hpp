// What the review pack and the briefing share: rendering a template with
// kainjow::mustache, escaping for HTML or Markdown, and wording (numbers,
// dates, owners) the way published briefings write them.
//
// Why mustache (kainjow's, header-only, packaged by Debian): templates are
// logic-free, so every decision stays in tested C++ and a template only
// lays out; {{name}} escapes by default, which for HTML is what keeps a
// finding's text from becoming markup; and one data context renders through
// an HTML and a Markdown template, each with its own escaping.
#pragma once

#include <kainjow/mustache.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "plansight/report.hpp"

namespace plansight::report {

using Data = kainjow::mustache::data;
using List = kainjow::mustache::list;

// Renders `text` with `context` escaped for `format`; `partials` are
// (name, template) pairs usable as {{> name}} (added to the context, which
// is why it is taken by value: move it in). A template that does not parse
// is a bug of this library: std::logic_error naming it.
std::string render(std::string_view name, std::string_view text, Data context, ReportFormat format,
                   const std::vector<std::pair<std::string_view, std::string_view>>& partials = {});

// Backslash-escapes what Markdown would read as markup or a table cell end.
std::string markdown_escape(const std::string& text);

// "one" ... "twelve" as published briefings write small counts, digits above.
std::string count_in_words(long n);
// "one agency", "three agencies", "15 agencies".
std::string counted_in_words(long n, std::string_view singular, std::string_view plural);
// "1 action", "3 actions".
std::string counted(long n, std::string_view singular, std::string_view plural);
// "31 March 2025"; "" for a not-a-date.
std::string long_date(Date d);
// "North Yorkshire Police, Detective Inspector (lead: A. Smith)" or
// "Learning and Improvement Subgroup".
std::string owner_label(const Plan& plan, const Owner& owner);
// "not started", "in progress" ...
std::string status_label(Status status);

Data boolean(bool value);
// Sets `name` on `object` to `value`, moved in. kainjow's data API copies on
// every set and push_back, so a large report would copy each row once per
// level of nesting; these two move instead.
void put(Data& object, const std::string& name, Data&& value);
// Appends `value` to a list built with list_of().
void append(Data& list, Data&& value);
Data list_of();
// Sets `name` to the rows and `has_<name>` to whether there are any, so a
// template can put a table's head around the rows only when there are some.
void set_rows(Data& data, const std::string& name, Data rows);
// Items as a list of {text} objects, set as by set_rows.
void set_texts(Data& data, const std::string& name, const std::vector<std::string>& items);

}  // namespace plansight::report
