// The main() of a fuzz target built without libFuzzer: runs LLVMFuzzerTestOneInput once on
// every file named on the command line and on every file under the directories named there
// (recursively, in name order; files whose name starts with "." are skipped). With it, every
// target is a plain program any C++ compiler builds, and the tests replay the seed corpus and
// the saved crashers (ctest -R fuzz.replay).
//
//   fuzz_command [-v] PATH...
//
// Each input's path is printed before it runs (only with -v, otherwise only when it fails),
// so a crash names its input. Exits 1 when a path does not exist or no input was found.
#include <algorithm>
#include <csignal>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>
#include <vector>

#if __has_include(<unistd.h>)
#include <unistd.h>
#define IMAPWIRE_REPLAY_WRITE(s, n) (void)!::write(2, (s), (n))
#else
#define IMAPWIRE_REPLAY_WRITE(s, n) (void)!std::fwrite((s), 1, (n), stderr)
#endif

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

namespace fs = std::filesystem;

/// The input running now, for the abort handler.
char current_input[4096];

void on_fatal_signal(int sig) {
    static const char prefix[] = "\nreplay: the target failed on input ";
    IMAPWIRE_REPLAY_WRITE(prefix, sizeof prefix - 1);
    IMAPWIRE_REPLAY_WRITE(current_input, std::strlen(current_input));
    IMAPWIRE_REPLAY_WRITE("\n", 1);
    std::signal(sig, SIG_DFL);
    std::raise(sig);
}

bool read_all(const fs::path& p, std::vector<std::uint8_t>& out) {
    std::ifstream in(p, std::ios::binary);
    if (!in)
        return false;
    out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return !in.bad();
}

bool hidden(const fs::path& p) {
    const std::string name = p.filename().string();
    return !name.empty() && name.front() == '.';
}

} // namespace

int main(int argc, char** argv) {
    bool verbose = false;
    std::vector<fs::path> inputs;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "-v") == 0) {
            verbose = true;
            continue;
        }
        const fs::path p(argv[i]);
        std::error_code ec;
        if (fs::is_directory(p, ec)) {
            std::vector<fs::path> found;
            for (auto it = fs::recursive_directory_iterator(p, ec);
                 !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
                if (hidden(it->path())) {
                    if (it->is_directory())
                        it.disable_recursion_pending();
                    continue;
                }
                if (it->is_regular_file())
                    found.push_back(it->path());
            }
            if (ec) {
                std::fprintf(stderr, "replay: cannot read %s: %s\n", argv[i], ec.message().c_str());
                return 1;
            }
            std::sort(found.begin(), found.end());
            inputs.insert(inputs.end(), found.begin(), found.end());
        } else if (fs::is_regular_file(p, ec)) {
            inputs.push_back(p);
        } else {
            std::fprintf(stderr, "replay: no such file or directory: %s\n", argv[i]);
            return 1;
        }
    }
    if (inputs.empty()) {
        std::fprintf(stderr, "usage: %s [-v] FILE_OR_DIRECTORY...\nreplay: no inputs\n",
                     argc > 0 ? argv[0] : "fuzz-target");
        return 1;
    }

    std::signal(SIGABRT, on_fatal_signal);
    std::signal(SIGSEGV, on_fatal_signal);
    std::signal(SIGILL, on_fatal_signal);
    std::signal(SIGFPE, on_fatal_signal);

    std::vector<std::uint8_t> bytes;
    for (const auto& p : inputs) {
        const std::string name = p.string();
        std::snprintf(current_input, sizeof current_input, "%s", name.c_str());
        if (verbose)
            std::fprintf(stderr, "replay: %s\n", name.c_str());
        if (!read_all(p, bytes)) {
            std::fprintf(stderr, "replay: cannot read %s\n", name.c_str());
            return 1;
        }
        // A copy of exactly the input's size, so that reading past it is caught by ASan.
        std::vector<std::uint8_t> exact(bytes.begin(), bytes.end());
        LLVMFuzzerTestOneInput(exact.data(), exact.size());
    }
    std::fprintf(stderr, "replay: %zu inputs ran without failure\n", inputs.size());
    return 0;
}
