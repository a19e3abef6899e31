#pragma once

#include <QByteArray>
#include <QString>

namespace SockPlay::Cli {

/// The process's standard output and error. What goes to stdout is gathered
/// while the event loop is busy and written before it waits (flush(), called
/// from the loop's aboutToBlock), so it reaches a pipe as soon as the program
/// has nothing else to do, with one write() per pass; stderr is written at
/// once, after what was gathered for stdout.
namespace Console {

/// Bytes to stdout exactly as they are (gathered; see flush()).
void writeOut(const QByteArray &bytes);
/// Writes what writeOut() gathered.
void flush();
/// One line to stderr (the newline is added).
void writeErr(const QString &line);
/// True when stdout is a terminal (a person is reading, not a script).
bool stdoutIsTerminal();

} // namespace Console

} // namespace SockPlay::Cli
