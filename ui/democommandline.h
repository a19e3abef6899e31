#pragma once

#include <QCommandLineOption>
#include <QString>

#include <optional>

class QCommandLineParser;

namespace SockPlay {

class MainWindow;

/// `sockplay --demo NAME [--run-all]`: the window opens with that demo loaded
/// and its panel shown, waiting for Next (or, with --run-all, running every
/// step). `--demo list` prints the demos, one "id  title: summary" a line,
/// and exits 0; an unknown name prints the known ones to stderr and exits 2.
///
/// app/main.cpp adds the options to its parser (addOptions(), so that
/// --help lists them), reads them after process() and, unless exitCode()
/// says to stop, applies them to the window once it is shown.
class DemoCommandLine final
{
public:
    static void addOptions(QCommandLineParser &parser);

    /// Reads the options from a parser that has processed the arguments.
    explicit DemoCommandLine(const QCommandLineParser &parser);

    /// Set when the program stops before a window opens: 0 for `--demo
    /// list`, 2 for an unknown name or --run-all without --demo.
    std::optional<int> exitCode() const { return m_exitCode; }
    /// What to print on stdout (the list) and on stderr (the error) then.
    QString output() const { return m_output; }
    QString errorText() const { return m_error; }
    /// Prints output() and errorText() where they belong.
    void print() const;

    /// The demo asked for (empty: none) and whether to run it all at once.
    QString demoId() const { return m_demoId; }
    bool runAll() const { return m_runAll; }
    /// Loads the demo into the window (and runs it all, if asked).
    void apply(MainWindow &window) const;

    /// Every demo, one "id  title: summary" a line.
    static QString demoList();

private:
    static QCommandLineOption demoOption();
    static QCommandLineOption runAllOption();

    std::optional<int> m_exitCode;
    QString m_output;
    QString m_error;
    QString m_demoId;
    bool m_runAll = false;
};

} // namespace SockPlay
