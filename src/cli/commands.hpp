#pragma once

#include "cli/context.hpp"

#include <CLI/CLI.hpp>

namespace tw::cli {

// Each adds its subcommand to `app`; the subcommand's callback runs the command in
// `context`. One file per command.
void add_init_command(CLI::App& app, Context& context);
void add_add_act_command(CLI::App& add, Context& context);
void add_add_tariff_command(CLI::App& add, Context& context);
void add_add_listing_command(CLI::App& add, Context& context);
void add_add_control_command(CLI::App& add, Context& context);
void add_add_other_command(CLI::App& add, Context& context);
void add_amend_command(CLI::App& app, Context& context);
void add_end_command(CLI::App& app, Context& context);
void add_correct_command(CLI::App& app, Context& context);
void add_undo_command(CLI::App& app, Context& context);
void add_log_command(CLI::App& app, Context& context);
void add_list_command(CLI::App& app, Context& context);
void add_show_command(CLI::App& app, Context& context);
void add_history_command(CLI::App& app, Context& context);
void add_rate_command(CLI::App& app, Context& context);
void add_report_changes_command(CLI::App& report, Context& context);
void add_report_timeline_command(CLI::App& report, Context& context);
void add_report_summary_command(CLI::App& report, Context& context);
void add_lint_command(CLI::App& app, Context& context);
void add_dump_command(CLI::App& app, Context& context);
void add_load_command(CLI::App& app, Context& context);
void add_import_command(CLI::App& app, Context& context);
void add_export_command(CLI::App& app, Context& context);
void add_query_command(CLI::App& app, Context& context);
void add_check_command(CLI::App& app, Context& context);
void add_screen_command(CLI::App& app, Context& context);

} // namespace tw::cli
