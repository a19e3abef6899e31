#include "console.h"

#include <QFile>

#include <unistd.h>

namespace SockPlay::Cli::Console {

namespace {

QFile &openedOnDescriptor(QFile &file, int fd)
{
    if (!file.isOpen())
        file.open(fd, QIODevice::WriteOnly | QIODevice::Unbuffered);
    return file;
}

QFile &standardOutput()
{
    static QFile file;
    return openedOnDescriptor(file, STDOUT_FILENO);
}

QFile &standardError()
{
    static QFile file;
    return openedOnDescriptor(file, STDERR_FILENO);
}

} // namespace

void writeOut(const QByteArray &bytes)
{
    standardOutput().write(bytes);
}

void writeErr(const QString &line)
{
    standardError().write(line.toUtf8() + '\n');
}

bool stdoutIsTerminal()
{
    return ::isatty(STDOUT_FILENO) == 1;
}

} // namespace SockPlay::Cli::Console
