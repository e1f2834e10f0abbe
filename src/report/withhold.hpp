// Data minimisation of free text: what a briefing prints of what people
// wrote. Every case reference the plan holds and every individual child's
// age is withheld; an age range ("aged 9 to 17") describes a group and stays.
#pragma once

#include <regex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "plansight/plan.hpp"

namespace plansight::report {

class Withholder {
 public:
  explicit Withholder(const Plan& plan);

  std::string operator()(std::string_view text) const;

 private:
  std::string without_references(std::string_view text) const;
  std::string without_ages(std::string text) const;

  // Each reference as its normalised tokens (see withhold.cpp), keyed by
  // its first token; longest first, so "DA-10" wins over "DA-1".
  std::unordered_map<std::string, std::vector<std::vector<std::string>>> references_;
  std::regex range_;
  std::vector<std::regex> ages_;
};

}  // namespace plansight::report
