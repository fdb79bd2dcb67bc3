#include "check_command.hpp"

#include "checker_config.hpp"
#include "config/project_config.hpp"
#include "error.hpp"
#include "fast_exit.hpp"
#include "fix.hpp"
#include "input.hpp"
#include "parallel.hpp"
#include "replace_file.hpp"
#include "report.hpp"

#include <algorithm>
#include <iostream>
#include <map>
#include <memory>
#include <optional>

namespace atk::cli {
namespace {

enum class OutputFormat { text, json, sarif };

struct CheckArguments {
    std::vector<std::string> paths;
    std::string language;
    OutputFormat format = OutputFormat::text;
    MarkupChoice markup = MarkupChoice::automatic;
    std::string glossary_path;
    std::string min_severity_name = "suggestion";
    std::size_t max_file_bytes = std::size_t{10} * 1024 * 1024;
    std::size_t max_suggestions = 5;
    bool fix = false;
    double fix_confidence = kDefaultFixConfidence;
    bool keep_original = false;
    bool no_rules = false;
    bool scores = false;
    std::string profile; ///< empty: the project file's, else requirements
    std::vector<std::string> enable;
    std::vector<std::string> disable;
};

/// A document ready to check: its text, and the language and glossary that apply to it.
struct Job {
    InputDocument input;
    std::string language;
    std::shared_ptr<const spell::Glossary> glossary;
    rules::RunOptions rules; ///< profile and selection: the project file's, then the run's
};

/// `list` without the entries of `removed`, then with `added` (later layers win).
std::vector<std::string> layered(std::vector<std::string> list,
                                 const std::vector<std::string>& removed,
                                 const std::vector<std::string>& added) {
    std::erase_if(list, [&](const std::string& name) {
        return std::find(removed.begin(), removed.end(), name) != removed.end();
    });
    list.insert(list.end(), added.begin(), added.end());
    return list;
}

/// The run's rule options for a document of `project` (may be null).
rules::RunOptions rule_options(const CheckArguments& args, const config::ProjectConfig* project) {
    rules::RunOptions options;
    std::string profile = args.profile;
    std::vector<std::string> enable;
    std::vector<std::string> disable;
    if (project != nullptr) {
        profile = profile.empty() ? project->profile.value_or("") : profile;
        enable = project->enable_rules;
        disable = project->disable_rules;
        options.preferred_terms = project->preferred_terms;
    }
    options.profile = rules::parse_profile(profile).value_or(rules::Profile::requirements);
    options.selection.enabled = layered(enable, args.disable, args.enable);
    options.selection.disabled = layered(disable, args.enable, args.disable);
    return options;
}

void report_error(const std::string& message) {
    std::cerr << "analyst-toolkit: error: " << message << '\n';
}

/// Loads each project file once, however many documents share it.
class ProjectConfigs {
  public:
    const config::ProjectConfig* for_directory(const std::filesystem::path& directory) {
        const auto path = config::find_project_config(directory);
        if (!path) {
            return nullptr;
        }
        auto it = loaded_.find(*path);
        if (it == loaded_.end()) {
            it = loaded_.emplace(*path, config::load_project_config(*path)).first;
        }
        return &it->second;
    }

  private:
    std::map<std::filesystem::path, config::ProjectConfig> loaded_;
};

/// Reads every input and its settings; returns nullopt (after reporting each problem) when
/// any of them cannot be used, so that no partial result is ever printed.
std::optional<std::vector<Job>> prepare_jobs(const CheckArguments& args) {
    std::vector<Job> jobs;
    bool failed = false;
    spell::Glossary cli_glossary;
    try {
        if (!args.glossary_path.empty()) {
            cli_glossary = spell::load_glossary_file(args.glossary_path);
        }
    } catch (const InputError& e) {
        report_error(e.what());
        return std::nullopt;
    }
    ProjectConfigs configs;
    for (const auto& path : args.paths) {
        auto read = read_input(path, args.max_file_bytes, args.markup);
        if (auto* message = std::get_if<std::string>(&read)) {
            report_error(*message);
            failed = true;
            continue;
        }
        auto& input = std::get<InputDocument>(read);
        try {
            const config::ProjectConfig* project = configs.for_directory(input.directory);
            auto glossary = std::make_shared<spell::Glossary>(cli_glossary);
            std::string language = args.language;
            if (project != nullptr) {
                glossary->merge(project->glossary);
                if (language.empty() && project->language) {
                    language = *project->language;
                }
            }
            jobs.push_back({std::move(input), language.empty() ? "auto" : language,
                            std::move(glossary), rule_options(args, project)});
        } catch (const InputError& e) {
            report_error(e.what());
            failed = true;
        }
    }
    if (failed) {
        return std::nullopt;
    }
    return jobs;
}

CheckOptions options_for(const Job& job, const CheckArguments& args, std::size_t threads) {
    CheckOptions options;
    options.language = job.language;
    options.markup = job.input.markup;
    options.glossary = job.glossary.get();
    options.max_suggestions = args.max_suggestions;
    options.threads = threads;
    options.rules = !args.no_rules;
    options.rule_options = job.rules;
    return options;
}

/// Checks the jobs on every core (files in parallel, and a lone large file split between
/// cores); reports and returns nullopt when any check fails.
std::optional<std::vector<FileReport>>
run_jobs(const Checker& checker, const std::vector<Job>& jobs, const CheckArguments& args) {
    std::vector<FileReport> reports(jobs.size());
    std::vector<std::string> errors(jobs.size());
    const std::size_t cores = hardware_threads();
    parallel_for(jobs.size(), cores, [&](std::size_t i) {
        const Job& job = jobs[i];
        const CheckOptions options =
            options_for(job, args, std::max<std::size_t>(1, cores / jobs.size()));
        try {
            reports[i] = {
                job.input.path, job.input.text, checker.check(job.input.text, options), {}};
        } catch (const InputError& e) {
            errors[i] = (job.input.path == "-" ? "<stdin>" : job.input.path) + ": " + e.what();
        }
    });
    bool failed = false;
    for (const auto& error : errors) {
        if (!error.empty()) {
            report_error(error);
            failed = true;
        }
    }
    return failed ? std::nullopt : std::optional(std::move(reports));
}

/// Applies each report's confident fixes to its file, then checks the fixed text again so
/// that every position reported matches the file on disk. `fixed_texts` keeps the new texts
/// the reports point to. Returns false, after reporting, when a file could not be written.
bool fix_files(const Checker& checker, const std::vector<Job>& jobs,
               std::vector<FileReport>& reports, std::vector<std::string>& fixed_texts,
               const CheckArguments& args) {
    bool ok = true;
    fixed_texts.resize(reports.size());
    for (std::size_t i = 0; i < reports.size(); ++i) {
        FixResult fixed =
            apply_confident_fixes(reports[i].text, reports[i].result.alerts, args.fix_confidence);
        if (fixed.applied.empty()) {
            continue;
        }
        if (const auto error = replace_file(jobs[i].input.path, fixed.text, args.keep_original)) {
            report_error(*error);
            ok = false;
            continue;
        }
        // Positions of the fixes in the new text: shifted by the fixes before them.
        std::ptrdiff_t shift = 0;
        for (auto& fix : fixed.applied) {
            fix.begin = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(fix.begin) + shift);
            shift += static_cast<std::ptrdiff_t>(fix.replacement.size()) -
                     static_cast<std::ptrdiff_t>(fix.original.size());
            fix.end = fix.begin + fix.replacement.size();
        }
        fixed_texts[i] = std::move(fixed.text);
        reports[i].text = fixed_texts[i];
        reports[i].result =
            checker.check(fixed_texts[i], options_for(jobs[i], args, hardware_threads()));
        reports[i].fixed = std::move(fixed.applied);
    }
    return ok;
}

int run_check(const CheckArguments& args) {
    if (args.paths.empty()) {
        report_error("no input; name one or more files, or - for standard input");
        return 2;
    }
    if (args.fix && std::find(args.paths.begin(), args.paths.end(), "-") != args.paths.end()) {
        report_error("--fix rewrites files in place and cannot fix standard input; name the files");
        return 2;
    }
    auto jobs = prepare_jobs(args);
    if (!jobs) {
        return 2;
    }
    const Checker& checker = keep_until_exit(std::make_unique<Checker>(checker_config()));
    try {
        for (const auto& job : *jobs) {
            checker.validate_rule_names(job.rules.selection.enabled);
            checker.validate_rule_names(job.rules.selection.disabled);
        }
    } catch (const InputError& e) {
        report_error(e.what());
        return 2;
    }
    auto reports = run_jobs(checker, *jobs, args);
    if (!reports) {
        return 2;
    }
    std::vector<std::string> fixed_texts;
    const bool fixes_written = !args.fix || fix_files(checker, *jobs, *reports, fixed_texts, args);
    const Severity min_severity =
        parse_severity(args.min_severity_name).value_or(Severity::suggestion);
    bool any = false;
    for (auto& report : *reports) {
        auto& alerts = report.result.alerts;
        std::erase_if(alerts, [&](const Alert& alert) { return alert.severity < min_severity; });
        any = any || !alerts.empty();
    }
    switch (args.format) {
    case OutputFormat::text:
        write_text(std::cout, *reports, args.scores);
        break;
    case OutputFormat::json:
        write_json(std::cout, *reports);
        break;
    case OutputFormat::sarif:
        write_sarif(std::cout, *reports, args.scores);
        break;
    }
    std::cout.flush();
    if (!std::cout) {
        report_error("could not write the results to standard output");
        return 2;
    }
    if (!fixes_written) {
        return 2;
    }
    return any ? 1 : 0;
}

} // namespace

void add_check_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<CheckArguments>();
    CLI::App* check = app.add_subcommand(
        "check", "Check documents for spelling mistakes and vague, untestable or wordy wording");
    check->add_option("files", args->paths,
                      "Files to check (Markdown or plain text); - reads standard input");
    check->add_option("-l,--language", args->language,
                      "Language code (en-US, en-GB, fr, es, de...) or auto; default: the project "
                      "file's language, else auto");
    // Choices are read as words and mapped afterwards, so that --help shows the words.
    const std::map<std::string, OutputFormat> formats{
        {"text", OutputFormat::text}, {"json", OutputFormat::json}, {"sarif", OutputFormat::sarif}};
    check
        ->add_option_function<std::string>(
            "-f,--format",
            [args, formats](const std::string& name) { args->format = formats.at(name); },
            "Output format (default text)")
        ->check(CLI::IsMember({"text", "json", "sarif"}));
    const std::map<std::string, MarkupChoice> markups{{"auto", MarkupChoice::automatic},
                                                      {"markdown", MarkupChoice::markdown},
                                                      {"text", MarkupChoice::plain_text}};
    check
        ->add_option_function<std::string>(
            "--input-format",
            [args, markups](const std::string& name) { args->markup = markups.at(name); },
            "How to read the files; auto (the default) reads .txt as plain text, the rest as "
            "Markdown")
        ->check(CLI::IsMember({"auto", "markdown", "text"}));
    check->add_option("-g,--glossary", args->glossary_path,
                      "File of accepted words and phrases, one per line (added to the project "
                      "file's glossary)");
    check
        ->add_option("--min-severity", args->min_severity_name,
                     "Report and fail only on findings at or above this level (default suggestion)")
        ->check(CLI::IsMember({"suggestion", "warning", "error"}));
    check
        ->add_option("--max-file-size", args->max_file_bytes,
                     "Largest file accepted, in bytes (default 10 MiB)")
        ->check(CLI::PositiveNumber);
    check->add_option("--max-suggestions", args->max_suggestions,
                      "Suggestions per finding (default 5)");
    check->add_flag(
        "--fix", args->fix,
        "Correct in place each misspelling whose best suggestion is at least --fix-confidence "
        "likely, then report what is left");
    check
        ->add_option("--fix-confidence", args->fix_confidence,
                     "Confidence a correction needs for --fix (default 0.9; see bench/RESULTS.md)")
        ->check(CLI::Range(0.0, 1.0));
    check->add_flag("--keep-original", args->keep_original,
                    "With --fix, keep each changed file's original as FILE.orig");
    check
        ->add_option("--profile", args->profile,
                     "requirements (the default: every rule) or general (prose that is not a "
                     "specification: requirement rules off); default: the project file's")
        ->check(CLI::IsMember({"requirements", "general"}));
    check
        ->add_option("--enable", args->enable,
                     "Turn on a rule (by id, such as incose/negatives) or a category (such as "
                     "VAGUENESS); repeat or separate with commas")
        ->allow_extra_args(false)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
        ->delimiter(',');
    check
        ->add_option("--disable", args->disable,
                     "Turn off a rule or a category (see analyst-toolkit rules); repeat or "
                     "separate with commas")
        ->allow_extra_args(false)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
        ->delimiter(',');
    check->add_flag("--scores", args->scores,
                    "Text format: after the findings, each requirement's quality score and EARS "
                    "template, and the document's quality and readability; SARIF: the same in "
                    "each file's artifact (JSON always has them)");
    check->add_flag("--no-rules", args->no_rules,
                    "Spelling only: no vocabulary or requirements-quality rules");
    check->callback([args, &exit_code] { exit_code = run_check(*args); });
}

} // namespace atk::cli
