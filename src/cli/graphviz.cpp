#include "graphviz.hpp"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

#include "plansight/errors.hpp"

extern char** environ;

namespace plansight::cli {
namespace {

namespace fs = std::filesystem;

// A private directory under the system's temporary one, removed with it.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "plansight-graph-XXXXXX").string();
    if (!mkdtemp(pattern.data()))
      throw Error("cannot create a temporary directory: " + std::string(std::strerror(errno)));
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

void write_text(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) throw Error("cannot write " + path.string());
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error("cannot read " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Runs the program with the arguments, without a shell; returns its exit code.
int run_program(const fs::path& program, std::vector<std::string> args) {
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int failed = posix_spawn(&pid, program.c_str(), nullptr, nullptr, argv.data(), environ);
  if (failed) throw Error("cannot run " + program.string() + ": " + std::strerror(failed));
  int status = 0;
  while (waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) throw Error("lost track of " + program.string() + ": " + std::strerror(errno));
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace

fs::path find_program(std::string_view name, std::string_view path_list) {
  while (!path_list.empty()) {
    const auto colon = path_list.find(':');
    const std::string_view dir = path_list.substr(0, colon);
    path_list = colon == std::string_view::npos ? std::string_view() : path_list.substr(colon + 1);
    if (dir.empty()) continue;
    const fs::path candidate = fs::path(dir) / name;
    if (access(candidate.c_str(), X_OK) == 0 && !fs::is_directory(candidate)) return candidate;
  }
  return {};
}

std::string render_svg(const std::string& dot_text) {
  const char* path_list = std::getenv("PATH");
  const fs::path dot = find_program("dot", path_list ? path_list : "");
  if (dot.empty())
    throw Error("--format svg needs Graphviz's dot, which is not on PATH: install Graphviz, or use "
                "--format dot and render the text elsewhere");
  const TempDir tmp;
  const fs::path in = tmp.path() / "graph.dot", out = tmp.path() / "graph.svg";
  write_text(in, dot_text);
  const int code = run_program(dot, {"dot", "-Tsvg", "-o", out.string(), in.string()});
  if (code != 0) throw Error(dot.string() + " -Tsvg failed with exit code " + std::to_string(code));
  return read_text(out);
}

}  // namespace plansight::cli
