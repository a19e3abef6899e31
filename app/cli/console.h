#pragma once

#include <QByteArray>
#include <QString>

namespace SockPlay::Cli {

/// The process's standard output and error, unbuffered, so that what the CLI
/// prints reaches a pipe (a script, a test) at once and in order.
namespace Console {

/// Bytes to stdout exactly as they are.
void writeOut(const QByteArray &bytes);
/// One line to stderr (the newline is added).
void writeErr(const QString &line);
/// True when stdout is a terminal (a person is reading, not a script).
bool stdoutIsTerminal();

} // namespace Console

} // namespace SockPlay::Cli
