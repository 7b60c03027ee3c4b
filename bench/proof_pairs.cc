// Decision time of the proof engine (core/proof) over every ordered pair of
// the real CIS alarm patterns and the seed (tests/data/proof/cis-patterns.tsv):
// prints each pair's relation and the median of 5 runs (wall clock, and the
// thread's CPU time, which a busy machine disturbs less), then the worst case.
// Usage: bench_proof_pairs [cis-patterns.tsv]
#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "cwlf/proof.h"

static double cpu_ms() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

int main(int argc, char** argv) {
  std::string path = argc > 1 ? argv[1] : "tests/data/proof/cis-patterns.tsv";
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "bench_proof_pairs: cannot read %s\n", path.c_str());
    return 2;
  }
  std::vector<std::pair<std::string, std::shared_ptr<const cwlf::Pattern>>> pats;
  std::string line;
  while (std::getline(in, line)) {
    size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    cwlf::CompileResult c = cwlf::compile_pattern(line.substr(tab + 1));
    if (!c.pattern) {
      std::fprintf(stderr, "bench_proof_pairs: invalid pattern %s\n", line.substr(0, tab).c_str());
      return 2;
    }
    pats.emplace_back(line.substr(0, tab), c.pattern);
  }
  double worst = 0, total = 0, worst_cpu = 0;
  std::string worst_pair, worst_cpu_pair;
  size_t unknown = 0;
  for (auto& [na, a] : pats)
    for (auto& [nb, b] : pats) {
      std::vector<double> ms, cpu;
      cwlf::Relation rel = cwlf::Relation::Unknown;
      for (int run = 0; run < 5; ++run) {
        auto t0 = std::chrono::steady_clock::now();
        double c0 = cpu_ms();
        cwlf::ProofResult r = cwlf::compare_patterns(*a, *b);
        cpu.push_back(cpu_ms() - c0);
        auto t1 = std::chrono::steady_clock::now();
        ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
        rel = r.relation;
      }
      std::sort(ms.begin(), ms.end());
      std::sort(cpu.begin(), cpu.end());
      double med = ms[2];
      if (cpu[2] > worst_cpu) worst_cpu = cpu[2], worst_cpu_pair = na + " vs " + nb;
      total += med;
      if (rel == cwlf::Relation::Unknown) ++unknown;
      if (med > worst) worst = med, worst_pair = na + " vs " + nb;
      std::printf("%-9s %-9s %-12s %8.3f ms  cpu %8.3f ms\n", na.c_str(), nb.c_str(), cwlf::relation_name(rel), med,
                  cpu[2]);
    }
  std::printf("pairs: %zu, unknown: %zu, total %.1f ms, worst %.3f ms (%s), worst CPU %.3f ms (%s)\n",
              pats.size() * pats.size(), unknown, total, worst, worst_pair.c_str(), worst_cpu, worst_cpu_pair.c_str());
  return 0;
}
