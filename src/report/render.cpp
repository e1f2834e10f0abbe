#include "report/render.hpp"

#include <array>
#include <stdexcept>

namespace plansight::report {

std::string markdown_escape(const std::string& text) {
  static constexpr std::string_view markup = "\\`*_[]<>|#~&";
  std::string out;
  out.reserve(text.size());
  // What would start a list, a quote, a heading underline or a rule at the
  // start of a line, and every cell or item starts one.
  const auto start = text.find_first_not_of(' ');
  const auto digits_end = start == std::string::npos ? start : text.find_first_not_of("0123456789", start);
  const bool ordered = digits_end != std::string::npos && digits_end > start &&
                       (text[digits_end] == '.' || text[digits_end] == ')');
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n' || c == '\r') {  // a line break would end a table row or list item
      out += ' ';
      continue;
    }
    const bool opens_block = (i == start && std::string_view("-+=>").find(c) != std::string_view::npos) ||
                             (ordered && i == digits_end);
    if (opens_block || markup.find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

namespace {

// Sections left empty leave blank lines behind; Markdown needs one between blocks, never more.
std::string single_blank_lines(std::string text) {
  std::string out;
  out.reserve(text.size());
  std::size_t newlines = 0;
  for (const char c : text) {
    newlines = c == '\n' ? newlines + 1 : 0;
    if (newlines <= 2) out += c;
  }
  return out;
}

}  // namespace

std::string render(std::string_view name, std::string_view text, Data context, ReportFormat format,
                   const std::vector<std::pair<std::string_view, std::string_view>>& partials) {
  kainjow::mustache::mustache tmpl{std::string(text)};
  if (!tmpl.is_valid())
    throw std::logic_error("report template " + std::string(name) + ": " + tmpl.error_message());
  if (format == ReportFormat::markdown) tmpl.set_custom_escape(markdown_escape);
  for (const auto& [partial_name, partial_text] : partials) {
    const std::string partial_body(partial_text);
    context.set(std::string(partial_name),
                kainjow::mustache::partial{[partial_body] { return partial_body; }});
  }
  std::string out = tmpl.render(context);
  if (!tmpl.is_valid())
    throw std::logic_error("report template " + std::string(name) + ": " + tmpl.error_message());
  return format == ReportFormat::markdown ? single_blank_lines(std::move(out)) : out;
}

std::string count_in_words(long n) {
  static constexpr std::array<std::string_view, 13> words{"no",   "one",    "two",   "three", "four",
                                                          "five", "six",    "seven", "eight", "nine",
                                                          "ten",  "eleven", "twelve"};
  return n >= 0 && n < static_cast<long>(words.size()) ? std::string(words[static_cast<std::size_t>(n)])
                                                       : std::to_string(n);
}

std::string counted_in_words(long n, std::string_view singular, std::string_view plural) {
  return count_in_words(n) + " " + std::string(n == 1 ? singular : plural);
}

std::string counted(long n, std::string_view singular, std::string_view plural) {
  return std::to_string(n) + " " + std::string(n == 1 ? singular : plural);
}

std::string long_date(Date d) {
  if (d.is_special()) return "";
  static constexpr std::array<std::string_view, 12> months{"January",   "February", "March",    "April",
                                                           "May",       "June",     "July",     "August",
                                                           "September", "October",  "November", "December"};
  const auto ymd = d.year_month_day();
  return std::to_string(ymd.day.as_number()) + " " + std::string(months[ymd.month.as_number() - 1u]) + " " +
         std::to_string(static_cast<int>(ymd.year));
}

std::string owner_label(const Plan& plan, const Owner& owner) {
  if (owner.group) return plan.group(*owner.group).name;
  std::string label = plan.agency(*owner.agency).name;
  if (!is_blank(owner.role)) label += ", " + owner.role;
  if (!is_blank(owner.lead)) label += " (lead: " + owner.lead + ")";
  return label;
}

std::string status_label(Status status) {
  std::string label = to_string(status);
  for (char& c : label)
    if (c == '_') c = ' ';
  return label;
}

Data boolean(bool value) { return value ? Data{Data::type::bool_true} : Data{Data::type::bool_false}; }

// The data's own storage is not const (the accessors only say so), so moving
// through them is sound.
void put(Data& object, const std::string& name, Data&& value) {
  object.set(name, Data{Data::type::bool_false});  // a cheap placeholder, then moved over
  const_cast<Data&>(*object.get(name)) = std::move(value);
}

Data list_of() { return Data{Data::type::list}; }

void append(Data& list, Data&& value) { const_cast<List&>(list.list_value()).push_back(std::move(value)); }

void set_rows(Data& data, const std::string& name, Data rows) {
  data.set("has_" + name, boolean(rows.is_non_empty_list()));
  put(data, name, std::move(rows));
}

void set_texts(Data& data, const std::string& name, const std::vector<std::string>& items) {
  Data list = list_of();
  for (const auto& item : items) append(list, Data{"text", Data{item}});
  set_rows(data, name, std::move(list));
}

}  // namespace plansight::report
