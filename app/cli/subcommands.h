#pragma once

#include "clicommand.h"

#include <QList>
#include <QString>

#include <functional>
#include <memory>

namespace SockPlay::Cli {

/// One of sockplay-cli's commands: its name, its line in the top-level help,
/// and how to make it. main() parses and runs it; the argument fuzzer
/// (tests/fuzz/fuzz_cliargs.cpp) only parses it.
struct Subcommand
{
    QString name;
    QString summary;
    std::function<std::unique_ptr<CliCommand>(const QString &name, const QString &summary)> create;
};

/// Every command, in the order the help lists them.
const QList<Subcommand> &subcommands();
/// The command called \a name, or null.
const Subcommand *findSubcommand(const QString &name);

} // namespace SockPlay::Cli
