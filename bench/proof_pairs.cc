// Decision time of the proof engine (core/proof) over every ordered pair of
// the real CIS alarm patterns and the seed (tests/data/proof/cis-patterns.tsv):
// prints each pair's relation and the median of 5 runs, then the worst case.
// Usage: bench_proof_pairs [cis-patterns.tsv]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "cwlf/proof.h"

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
  double worst = 0, total = 0;
  std::string worst_pair;
  size_t unknown = 0;
  for (auto& [na, a] : pats)
    for (auto& [nb, b] : pats) {
      std::vector<double> ms;
      cwlf::Relation rel = cwlf::Relation::Unknown;
      for (int run = 0; run < 5; ++run) {
        auto t0 = std::chrono::steady_clock::now();
        cwlf::ProofResult r = cwlf::compare_patterns(*a, *b);
        auto t1 = std::chrono::steady_clock::now();
        ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
        rel = r.relation;
      }
      std::sort(ms.begin(), ms.end());
      double med = ms[2];
      total += med;
      if (rel == cwlf::Relation::Unknown) ++unknown;
      if (med > worst) worst = med, worst_pair = na + " vs " + nb;
      std::printf("%-9s %-9s %-12s %8.3f ms\n", na.c_str(), nb.c_str(), cwlf::relation_name(rel), med);
    }
  std::printf("pairs: %zu, unknown: %zu, total %.1f ms, worst %.3f ms (%s)\n", pats.size() * pats.size(), unknown,
              total, worst, worst_pair.c_str());
  return 0;
}
