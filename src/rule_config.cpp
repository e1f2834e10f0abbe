// Rules files: INI read with Boost.PropertyTree, which keeps no line numbers
// for sections and keys; a scan of the text mirroring its reader finds them,
// so every message names the line.
#include <boost/property_tree/ini_parser.hpp>
#include <boost/property_tree/ptree.hpp>
#include <charconv>
#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include "plansight/errors.hpp"
#include "plansight/rules.hpp"

namespace plansight {
namespace {

namespace pt = boost::property_tree;

std::string quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n\f\v");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n\f\v") - first + 1);
}

// Where each section and key of a rules file is, as read_ini sees them.
struct KeyLine {
  std::string key;
  long line = 0;
};
struct SectionLines {
  std::string name;
  long line = 0;
  std::vector<KeyLine> keys;
};
struct Layout {
  std::vector<KeyLine> outside;  // keys before the first section
  std::vector<SectionLines> sections;
};

// read_ini's reading of one line: trimmed; '#' or ';' starts a comment;
// "[name]" (text after ']' ignored) starts a section; else "key = value".
Layout scan(std::string_view text) {
  Layout layout;
  long number = 0;
  for (std::string_view rest = text; !rest.empty() || number == 0;) {
    const auto end = rest.find('\n');
    const auto line = trimmed(rest.substr(0, end));
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    ++number;
    if (line.empty() || line.front() == '#' || line.front() == ';') continue;
    if (line.front() == '[') {
      const auto close = line.find(']');
      const auto name = close == std::string_view::npos ? line.substr(1) : line.substr(1, close - 1);
      layout.sections.push_back({std::string(trimmed(name)), number, {}});
      continue;
    }
    const auto equals = line.find('=');
    if (equals == std::string_view::npos || equals == 0) continue;  // read_ini refuses it
    KeyLine key{std::string(trimmed(line.substr(0, equals))), number};
    (layout.sections.empty() ? layout.outside : layout.sections.back().keys).push_back(std::move(key));
  }
  return layout;
}

// The key on `line`, else the section it is in, to name the field of a
// syntax error; empty before the first section.
std::string field_on(const Layout& layout, long line) {
  for (const auto& k : layout.outside)
    if (k.line == line) return k.key;
  std::string field;
  for (const auto& s : layout.sections) {
    if (s.line > line) break;
    field = s.name;
    for (const auto& k : s.keys)
      if (k.line == line) return s.name + "." + k.key;
  }
  return field;
}

std::string line_text(std::string_view text, long line) {
  std::istringstream in{std::string(text)};
  std::string content;
  for (long i = 0; i < line && std::getline(in, content); ++i) {
  }
  return std::string(trimmed(content));
}

pt::ptree read_tree(std::string_view text, const std::string& source, const Layout& layout) {
  pt::ptree tree;
  std::istringstream in{std::string(text)};
  try {
    pt::read_ini(in, tree);
  } catch (const pt::ini_parser_error& e) {
    const auto line = static_cast<long>(e.line());
    throw ImportError(source, line, field_on(layout, line),
                      e.message() + ": " + quoted(line_text(text, line)));
  }
  return tree;
}

void check_unique_sections(const Layout& layout, const std::string& source) {
  for (std::size_t i = 0; i < layout.sections.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (layout.sections[j].name == layout.sections[i].name)
        throw ImportError(source, layout.sections[i].line, layout.sections[i].name,
                          "duplicate section [" + layout.sections[i].name + "], first at line " +
                              std::to_string(layout.sections[j].line));
}

bool parse_enabled(const std::string& value, const std::string& source, long line, const std::string& field) {
  if (value == "true") return true;
  if (value == "false") return false;
  throw ImportError(source, line, field, quoted(value) + " is not true or false");
}

Severity parse_severity(const std::string& value, const std::string& source, long line,
                        const std::string& field) {
  try {
    return parse<Severity>(value);
  } catch (const ValidationError&) {
    throw ImportError(source, line, field, quoted(value) + " is not a severity (info, warning or breach)");
  }
}

int parse_threshold(const std::string& value, const std::string& source, long line,
                    const std::string& field) {
  int n = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
  const bool whole = !value.empty() && end == value.data() + value.size();
  if (whole && ec == std::errc::result_out_of_range)
    throw ImportError(source, line, field, quoted(value) + " is too large");
  if (!whole || ec != std::errc())
    throw ImportError(source, line, field, quoted(value) + " is not a whole number");
  if (n < 0) throw ImportError(source, line, field, quoted(value) + " is below 0");
  return n;
}

RuleSection read_section(const SectionLines& lines, const pt::ptree& tree, const std::string& source) {
  try {
    check_rule_name(lines.name, "rule");
  } catch (const ValidationError&) {
    throw ImportError(source, lines.line, lines.name,
                      "section [" + lines.name + "] is not a rule id (lower snake_case, like overdue)");
  }
  RuleSection section{lines.name, lines.line, {}, {}, {}};
  // read_ini drops a section without keys; it configures nothing.
  const auto* keys = lines.keys.empty() ? nullptr : &tree.get_child(pt::ptree::path_type(lines.name, '\0'));
  for (const auto& k : lines.keys) {
    const std::string value = keys->get<std::string>(pt::ptree::path_type(k.key, '\0'));
    const std::string field = lines.name + "." + k.key;
    if (k.key == "enabled")
      section.enabled = ConfigValue<bool>{parse_enabled(value, source, k.line, field), k.line};
    else if (k.key == "severity")
      section.severity = ConfigValue<Severity>{parse_severity(value, source, k.line, field), k.line};
    else
      section.parameters[k.key] = ConfigValue<int>{parse_threshold(value, source, k.line, field), k.line};
  }
  return section;
}

}  // namespace

RuleConfig parse_rule_config(std::string_view text, std::string source_name) {
  // Editors on Windows may start a UTF-8 file with a byte order mark.
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  const Layout layout = scan(text);
  const pt::ptree tree = read_tree(text, source_name, layout);
  if (!layout.outside.empty())
    throw ImportError(source_name, layout.outside.front().line, layout.outside.front().key,
                      "key outside a section: put it under the [rule_id] it configures");
  check_unique_sections(layout, source_name);
  RuleConfig config{source_name, {}};
  for (const auto& lines : layout.sections) config.sections.push_back(read_section(lines, tree, source_name));
  return config;
}

RuleConfig read_rule_config(const std::string& path) {
  // An ifstream opens a directory and reads nothing from it: refuse it here.
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) throw NotFoundError("cannot read the rules file " + path);
  if (!S_ISREG(info.st_mode)) throw NotFoundError("cannot read the rules file " + path + ": not a regular file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw NotFoundError("cannot read the rules file " + path);
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw NotFoundError("cannot read the rules file " + path);
  return parse_rule_config(text.str(), path);
}

}  // namespace plansight
