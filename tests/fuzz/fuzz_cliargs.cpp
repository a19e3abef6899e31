// sockplay-cli's argument parsing: every subcommand's options, as main()
// parses them, without running anything. The input is the arguments, one per
// line; the first line names the command (when it is not a command's name,
// the input's first byte picks one and every line is an argument).
// Properties: parsing ends in help, a usage error with a reason, or a command
// ready to run; and the same arguments parse the same way a second time.
// Arguments with a '/' are skipped: --capture, --log-file and --junit create
// their files while parsing, and they must stay in the scratch directory the
// parsing runs in.
#include "fuzzsupport.h"
#include "subcommands.h"

#include <QCoreApplication>
#include <QDir>
#include <QTemporaryDir>

using namespace SockPlay;
using namespace SockPlay::Cli;

namespace {

struct Scratch
{
    Scratch()
    {
        static int argc = 1;
        static char name[] = "sockplay-cli";
        static char *argv[] = {name, nullptr};
        app = new QCoreApplication(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("sockplay-cli"));
        FUZZ_CHECK(dir.isValid());
    }
    QCoreApplication *app = nullptr; // lives as long as the process
    QTemporaryDir dir;
};

CliOptions::Outcome parseOnce(const Subcommand &subcommand, const QStringList &arguments, QString *reason)
{
    const std::unique_ptr<CliCommand> command = subcommand.create(subcommand.name, subcommand.summary);
    const CliOptions::Outcome outcome = command->parse(arguments);
    switch (outcome) {
    case CliOptions::Outcome::ShowHelp:
        FUZZ_CHECK(command->helpText().contains(subcommand.name));
        break;
    case CliOptions::Outcome::UsageError:
        *reason = command->usageError();
        FUZZ_CHECK(!reason->isEmpty());
        break;
    case CliOptions::Outcome::Run:
        break;
    }
    return outcome;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static Scratch scratch;
    if (size == 0 || size > 4096)
        return 0;
    const QByteArray input = Fuzz::bytes(data, size);
    if (input.contains('/'))
        return 0;
    QStringList arguments = QString::fromUtf8(input).split(QLatin1Char('\n'));
    const Subcommand *subcommand = findSubcommand(arguments.constFirst());
    if (subcommand)
        arguments.removeFirst();
    else
        subcommand = &subcommands().at(uchar(input.at(0)) % subcommands().size());

    // In the scratch directory only while parsing: libFuzzer reads its corpus
    // through the paths it was given, relative ones too.
    const QString home = QDir::currentPath();
    FUZZ_CHECK(QDir::setCurrent(scratch.dir.path()));
    QString reason;
    const CliOptions::Outcome first = parseOnce(*subcommand, arguments, &reason);
    QString again;
    FUZZ_CHECK(parseOnce(*subcommand, arguments, &again) == first);
    FUZZ_CHECK(again == reason);

    // Whatever a --capture or --log-file created goes, so the next input starts clean.
    QDir here(scratch.dir.path());
    for (const QString &name : here.entryList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden))
        QFileInfo(here.filePath(name)).isDir() ? QDir(here.filePath(name)).removeRecursively() : here.remove(name);
    FUZZ_CHECK(QDir::setCurrent(home));
    return 0;
}
