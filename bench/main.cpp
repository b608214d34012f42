// imapwire-bench: the benchmark program.
//
//   imapwire-bench [--corpus=FILE]... [Google Benchmark flags]
//
// --corpus=FILE (or --corpus FILE, repeatable) adds corpus/* benchmarks over a recorded server
// stream (see bench_corpus.cpp). Every other flag is Google Benchmark's: --benchmark_filter,
// --benchmark_repetitions, --benchmark_out=FILE --benchmark_out_format=json, ...
// The exit status is 1 when a benchmark failed (traffic that does not parse, a count that does
// not match), 2 when a corpus cannot be read or holds no whole message (IMAP lines end with
// CRLF; a file saved with bare LF line ends does not frame). Timings are never checked.
#include "harness.hpp"

#include <boost/version.hpp>

#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#ifndef IMAPWIRE_BENCH_CXX_FLAGS
#define IMAPWIRE_BENCH_CXX_FLAGS "unknown"
#endif

int main(int argc, char** argv) {
    using namespace imapwire_bench;

    // Take our own flags out of argv before Google Benchmark sees it.
    std::vector<std::string> corpora;
    int kept = 1;
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (a.substr(0, 9) == "--corpus=") {
            corpora.emplace_back(a.substr(9));
        } else if (a == "--corpus" && i + 1 < argc) {
            corpora.emplace_back(argv[++i]);
        } else {
            if (a == "--help" || a == "-h")
                std::printf("imapwire-bench [--corpus=FILE]... [benchmark flags below]\n"
                            "  --corpus=FILE  also frame and parse the server stream in FILE\n\n");
            argv[kept++] = argv[i];
        }
    }
    argc = kept;
    argv[argc] = nullptr;

    register_parse_benchmarks();
    register_serialize_benchmarks();
    register_frame_benchmarks();
    register_scale_benchmarks();
    register_reject_benchmarks();
    register_etpan_benchmarks();

    std::vector<std::unique_ptr<stream>> corpus_streams;
    for (const std::string& path : corpora) {
        std::string bytes;
        if (!read_file(path, bytes)) {
            std::fprintf(stderr, "imapwire-bench: cannot read %s\n", path.c_str());
            return 2;
        }
        std::string error;
        auto s = make_stream(path, std::move(bytes), false, &error);
        if (s->messages.empty()) {
            std::fprintf(stderr, "imapwire-bench: %s: no message: %s\n", path.c_str(),
                         error.empty() ? "the file is empty" : error.c_str());
            return 2;
        }
        if (!error.empty())
            std::fprintf(stderr, "imapwire-bench: %s: %s; using the %zu messages before it\n",
                         path.c_str(), error.c_str(), s->messages.size());
        register_corpus_benchmarks(path, *s);
        corpus_streams.push_back(std::move(s));
    }

    benchmark::AddCustomContext("imapwire.compiler", __VERSION__);
    benchmark::AddCustomContext("imapwire.cxx_flags", IMAPWIRE_BENCH_CXX_FLAGS);
    benchmark::AddCustomContext("imapwire.boost", BOOST_LIB_VERSION);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return any_failed() ? 1 : 0;
}
