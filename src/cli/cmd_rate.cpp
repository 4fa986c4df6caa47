#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "query/rate_stack.hpp"
#include "report/rate_report.hpp"
#include "store/acts.hpp"
#include "store/tariff_lines.hpp"

namespace tw::cli {

namespace {
struct RateOptions {
  std::string imposer;
  std::string origin;
  std::string hs;
  std::optional<std::string> on;
  std::string company;
  std::optional<std::string> as_known_on;
};
} // namespace

void add_rate_command(CLI::App& app, Context& context) {
  CLI::App* command = app.add_subcommand("rate", "the duty on goods, layer by layer, with its legal basis");
  auto options = std::make_shared<RateOptions>();
  command->add_option("--imposer", options->imposer, "who charges the duty (ISO country code, EU)")->required();
  command->add_option("--origin", options->origin, "origin of the goods")->required();
  command->add_option("--hs", options->hs, "product code, e.g. 8703.80.00")->required();
  command->add_option("--on", options->on, "date of entry (default: today, UTC)");
  command->add_option("--company", options->company, "the exporter, for company-specific rates");
  add_as_known_on(*command, options->as_known_on);
  command->callback([&context, options] {
    const report::RateQuestion question{parse_option<Jurisdiction>("--imposer", options->imposer),
                                        parse_option<Jurisdiction>("--origin", options->origin),
                                        parse_option<ProductCode>("--hs", options->hs),
                                        options->on ? parse_option<Date>("--on", *options->on) : context.today(),
                                        options->company,
                                        options->as_known_on};
    const auto store = context.open_store(store::Store::Access::read_only);
    const store::RecordPoint point = record_point(store, options->as_known_on);
    auto candidates = store::lines_applying(store, question.imposer, question.origin, question.hs, question.on, point);
    const auto stacked = query::stack_rate(std::move(candidates), question.company);
    context.print(report::rate_report(question, stacked,
                                      [&](const std::string& id) { return store::find_act(store, id, point); }));
  });
}

} // namespace tw::cli
