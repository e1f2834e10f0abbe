// Errors: one root, plansight::Error, and a subclass per kind of failure.
// Every message names the thing and the value that was wrong. The Python
// module maps each class to an exception of the same name under plansight.Error.
#pragma once

#include <exception>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace plansight {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A value breaks a rule of the model: a date out of order, an empty title,
// a case reference that looks like personal data, a bad enum name.
class ValidationError : public Error {
 public:
  ValidationError(std::string field, const std::string& message)
      : Error(field.empty() ? message : field + ": " + message), field_(std::move(field)) {}
  explicit ValidationError(const std::string& message) : ValidationError("", message) {}
  const std::string& field() const noexcept { return field_; }

 private:
  std::string field_;
};

// A referenced entity does not exist (a dangling id).
class NotFoundError : public Error {
 public:
  using Error::Error;
};

// A dependency would close a cycle.
class CycleError : public Error {
 public:
  using Error::Error;
};

// The request clashes with the current state: a duplicate id, a status
// transition that makes no sense, a change to an assured action.
class ConflictError : public Error {
 public:
  using Error::Error;
};

// The SQLite store failed or holds something this version cannot read.
class StoreError : public Error {
 public:
  using Error::Error;
};

// A row of an interchange file was refused: names file, line and field.
class ImportError : public Error {
 public:
  ImportError(std::string file, long line, std::string field, const std::string& reason)
      : Error(file + " line " + std::to_string(line) + (field.empty() ? "" : ", field " + field) +
              ": " + reason),
        file_(std::move(file)), line_(line), field_(std::move(field)) {}
  const std::string& file() const noexcept { return file_; }
  long line() const noexcept { return line_; }
  const std::string& field() const noexcept { return field_; }

 protected:
  // For a subclass that words the whole message itself.
  struct Worded {
    std::string message;
  };
  ImportError(std::string file, long line, std::string field, Worded message)
      : Error(message.message), file_(std::move(file)), line_(line), field_(std::move(field)) {}

 private:
  std::string file_;
  long line_;
  std::string field_;
};

// One refused cell of a spreadsheet: the sheet, its row number as the
// spreadsheet shows it, the column's header, the cell's text and why.
struct SheetProblem {
  std::string sheet;
  long row = 0;
  std::string column;
  std::string value;
  std::string message;
  friend bool operator==(const SheetProblem&, const SheetProblem&) = default;
};

// A spreadsheet refused with every problem found in it, not only the first
// (an analyst fixes them all in one pass). file(), line() and field() are
// those of the first problem; what() lists them all, one per line.
class SheetImportError : public ImportError {
 public:
  explicit SheetImportError(std::vector<SheetProblem> problems);
  const std::vector<SheetProblem>& problems() const noexcept { return problems_; }

 private:
  std::vector<SheetProblem> problems_;
};

// A policy rule failed while checking a plan: names the rule, and keeps
// what it threw as cause() (rethrow it with std::rethrow_exception).
class RuleError : public Error {
 public:
  RuleError(std::string rule, const std::string& message, std::exception_ptr cause = nullptr)
      : Error("rule " + rule + ": " + message), rule_(std::move(rule)), cause_(std::move(cause)) {}
  const std::string& rule() const noexcept { return rule_; }
  const std::exception_ptr& cause() const noexcept { return cause_; }

 private:
  std::string rule_;
  std::exception_ptr cause_;
};

}  // namespace plansight
