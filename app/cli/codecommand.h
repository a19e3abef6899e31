#pragma once

#include "clicommand.h"
#include "clioptions.h"
#include "codegen.h"

namespace SockPlay::Cli {

/// `code LANGUAGE KIND HOST PORT [--echo] [--greet TEXT] [--message TEXT]
/// [--frame line] [--cmake]`: prints the equivalent program (Python, Go or
/// C++ with Qt) on stdout, as the window's Code view shows it; with --cmake
/// the CMakeLists.txt that builds the C++ one. Nothing runs, nothing is
/// opened: exit 0, or 2 for bad arguments.
class CodeCommand final : public CliCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CodeCommand)
public:
    CodeCommand(const QString &name, const QString &summary, QObject *parent = nullptr);

    CliOptions::Outcome parse(const QStringList &arguments) override;
    QString helpText() const override { return m_options.helpText(); }
    QString usageError() const override { return m_options.error(); }
    void run() override;

private:
    /// --greet's or --message's text: escapes as in a MESSAGE, or hex with --hex.
    QByteArray bytesOption(const QString &name);

    CliOptions m_options;
    SockPlay::ProgramSpec m_spec;
    bool m_cmake = false;
};

} // namespace SockPlay::Cli
