#include "report/withhold.hpp"

#include <algorithm>

namespace plansight::report {
namespace {

// ---- case references ------------------------------------------------------------------------
//
// A reference is compared as its tokens: maximal runs of ASCII letters or of
// digits, letters lower-cased, leading zeros dropped. So "CAC-01", "cac 1",
// "CAC01" and "Cac_001" are one reference, written differently.

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_alnum(char c) { return is_ascii_letter(c) || is_ascii_digit(c); }

struct Token {
  std::size_t begin = 0, end = 0;
  std::string key;
};

std::string token_key(std::string_view run) {
  std::string key;
  if (is_ascii_digit(run.front())) {
    const auto first = run.find_first_not_of('0');
    key = first == std::string_view::npos ? "0" : std::string(run.substr(first));
  } else {
    for (const char c : run) key += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return key;
}

std::vector<Token> tokens_of(std::string_view text) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_ascii_alnum(text[i])) {
      ++i;
      continue;
    }
    const bool digits = is_ascii_digit(text[i]);
    std::size_t end = i;
    while (end < text.size() && (digits ? is_ascii_digit(text[end]) : is_ascii_letter(text[end]))) ++end;
    tokens.push_back({i, end, token_key(text.substr(i, end - i))});
    i = end;
  }
  return tokens;
}

// What may stand between two tokens of one reference: nothing (as in
// "CAC01"), or a short run of spaces, hyphens, dashes, underscores, slashes
// or full stops.
bool joins_reference(std::string_view gap) {
  static constexpr std::string_view en_dash = "\u2013", em_dash = "\u2014";
  if (gap.size() > 5) return false;
  for (std::size_t i = 0; i < gap.size();) {
    if (gap.substr(i, 3) == en_dash || gap.substr(i, 3) == em_dash) {
      i += 3;
    } else if (std::string_view(" \t-_/.").find(gap[i]) != std::string_view::npos) {
      ++i;
    } else {
      return false;
    }
  }
  return true;
}

// Whether `ref` is written at tokens[at...] of `text`.
bool written_at(std::string_view text, const std::vector<Token>& tokens, std::size_t at,
                const std::vector<std::string>& ref) {
  if (at + ref.size() > tokens.size()) return false;
  for (std::size_t k = 0; k < ref.size(); ++k) {
    if (tokens[at + k].key != ref[k]) return false;
    if (k > 0) {
      const std::size_t gap_begin = tokens[at + k - 1].end;
      if (!joins_reference(text.substr(gap_begin, tokens[at + k].begin - gap_begin))) return false;
    }
  }
  return true;
}

// ---- ages ------------------------------------------------------------------------------------

// A child's age as written: one or two digits, or the word.
const std::string number =
    R"((?:\d{1,2}|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|)"
    R"(fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty))";
const std::string bounded = R"(\b)" + number + R"(\b)";
// "4 and 15", "15 or 16", "9, 12 and 17": several children's ages, each individual.
const std::string several =
    R"((?:)" + bounded + R"((?:\s*,\s*(?:and\s+|or\s+)?|\s*&\s*|\s+(?:and|or)\s+))*\b)" + number;
const std::string unit = R"((?:years?|yrs?|months?|mths?|weeks?|wks?|days?))";
const std::string ordinal =
    R"((?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|)"
    R"(eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|)"
    R"(twentieth))";
// "aged 16 and under", "aged 16+": a threshold, not a child's age.
const std::string not_threshold =
    R"((?!\s*(?:\+|plus\b|(?:and|or)\s+(?:under|over|above|below|older|younger)\b)))";

constexpr auto flags = std::regex::ECMAScript | std::regex::icase | std::regex::optimize;

// A range describes a group: "between 9 and 17", "9 to 17", "9-17", "9–17".
std::regex range_pattern() {
  return std::regex(R"(\b(?:between\s+)" + number + R"(\s+and\s+)" + number + R"(|)" + number +
                        R"(\s+to\s+)" + number + R"(|\d{1,2}\s*(?:-|–|—)\s*\d{1,2})\b)",
                    flags);
}

// Each pattern's first group, when it has one, is kept ("aged [age withheld]").
std::vector<std::regex> age_patterns() {
  return {
      // "16-year-old", "15 year olds", "4 and 15 years old", "a six month old"
      std::regex("()" + several + R"([\s-]*)" + unit + R"([\s-]*olds?\b)", flags),
      // "16yo", "16 y/o", "16 y.o."
      std::regex("()" + several + R"(\s*(?:y/o|y\.o\.?|yo)(?![a-z0-9]))", flags),
      // "15 years of age"
      std::regex("()" + several + R"(\s+)" + unit + R"(\s+of\s+age\b)", flags),
      // "aged 15", "Age: 16", "the age of 16", "aged 4 and 15", "aged 15 years"
      std::regex(R"(\b(age[ds]?(?:\s*:\s*|\s+of\s+|\s+)))" + several + R"(\b(?:\s+)" + unit +
                     R"((?:\s+old)?\b)?)" + not_threshold,
                 flags),
      // "turned 16"
      std::regex(R"(\b(turn(?:ed|s|ing)?\s+))" + several + R"(\b(?!\s*(?:%|percent\b|times\b)))", flags),
      // "her 16th birthday"
      std::regex(R"(()\b)" + ordinal + R"((?=\s+birthday\b))", flags),
  };
}

constexpr char protected_mark = '\x01';

}  // namespace

Withholder::Withholder(const Plan& plan) : range_(range_pattern()), ages_(age_patterns()) {
  for (const auto& c : plan.cases()) {
    std::vector<std::string> ref;
    for (auto& t : tokens_of(c.reference)) ref.push_back(std::move(t.key));
    if (ref.empty()) continue;
    auto& refs = references_[ref.front()];
    if (std::find(refs.begin(), refs.end(), ref) == refs.end()) refs.push_back(std::move(ref));
  }
  for (auto& [first, refs] : references_)
    std::sort(refs.begin(), refs.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
}

std::string Withholder::operator()(std::string_view text) const {
  return without_ages(without_references(text));
}

std::string Withholder::without_references(std::string_view text) const {
  static constexpr std::string_view mark = "[case reference withheld]";
  const std::vector<Token> tokens = tokens_of(text);
  std::string out;
  std::size_t copied = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    const bool word_start = t.begin == 0 || !is_ascii_alnum(text[t.begin - 1]);
    const auto refs = word_start ? references_.find(t.key) : references_.end();
    if (refs == references_.end()) continue;
    for (const auto& ref : refs->second) {
      if (!written_at(text, tokens, i, ref)) continue;
      out.append(text.substr(copied, t.begin - copied)).append(mark);
      i += ref.size() - 1;
      copied = tokens[i].end;
      break;
    }
  }
  return out.append(text.substr(copied));
}

// Ranges are set aside first (each replaced by a mark no pattern matches),
// so "aged 9 to 17" keeps its "9"; then every individual age is withheld;
// then the ranges are put back, in order.
std::string Withholder::without_ages(std::string text) const {
  std::replace(text.begin(), text.end(), protected_mark, ' ');
  std::vector<std::string> ranges;
  std::string marked;
  std::size_t copied = 0;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), range_); it != std::sregex_iterator(); ++it) {
    const auto at = static_cast<std::size_t>(it->position());
    marked.append(text, copied, at - copied).push_back(protected_mark);
    ranges.push_back(it->str());
    copied = at + static_cast<std::size_t>(it->length());
  }
  marked.append(text, copied);
  for (const auto& age : ages_) marked = std::regex_replace(marked, age, "$1[age withheld]");
  std::string out;
  std::size_t next = 0;
  for (const char c : marked) {
    if (c == protected_mark)
      out += ranges[next++];
    else
      out += c;
  }
  return out;
}

}  // namespace plansight::report
