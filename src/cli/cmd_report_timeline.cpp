#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "query/timeline.hpp"
#include "report/timeline_report.hpp"
#include "store/acts.hpp"
#include "store/tariff_lines.hpp"

#include <fmt/format.h>

namespace tw::cli {

namespace {
struct TimelineOptions {
  std::string imposer;
  std::string origin;
  std::string hs;
  std::optional<std::string> from;
  std::optional<std::string> to;
  std::string company;
  std::optional<std::string> as_known_on;
};
} // namespace

void add_report_timeline_command(CLI::App& report, Context& context) {
  CLI::App* command = report.add_subcommand("timeline", "every step of the duty on goods over time, layer by layer");
  auto options = std::make_shared<TimelineOptions>();
  command->add_option("--imposer", options->imposer, "who charges the duty (ISO country code, EU)")->required();
  command->add_option("--origin", options->origin, "origin of the goods")->required();
  command->add_option("--hs", options->hs, "product code, e.g. 8703.80.00")->required();
  command->add_option("--from", options->from, "first day shown (default: the first step)");
  command->add_option("--to", options->to, "last day shown (default: the last step)");
  command->add_option("--company", options->company, "the exporter, for company-specific rates");
  add_as_known_on(*command, options->as_known_on);
  command->callback([&context, options] {
    const report::TimelineQuestion question{parse_option<Jurisdiction>("--imposer", options->imposer),
                                            parse_option<Jurisdiction>("--origin", options->origin),
                                            parse_option<ProductCode>("--hs", options->hs),
                                            parse_option<Date>("--from", options->from),
                                            parse_option<Date>("--to", options->to),
                                            options->company,
                                            options->as_known_on,
                                            context.today()};
    if (question.from && question.to && *question.to < *question.from) {
      throw Error(ExitCode::usage, fmt::format("--to {} is before --from {}", *options->to, *options->from));
    }
    const auto store = context.open_store(store::Store::Access::read_only);
    const store::RecordPoint point = record_point(store, options->as_known_on);
    // Every version that covers the goods, at any valid time: what `rate` finds on each day.
    store::LineFilter filter;
    filter.imposer = question.imposer;
    filter.origin = question.origin;
    filter.hs = question.hs;
    filter.hs_match = store::CodeMatch::covering;
    const auto steps =
        query::rate_timeline(store::find_lines(store, filter, point), question.company, question.from, question.to);
    context.print(report::timeline_report(question, steps,
                                          [&](const std::string& id) { return store::find_act(store, id, point); }));
  });
}

} // namespace tw::cli
