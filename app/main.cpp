#include "democommandline.h"
#include "mainwindow.h"
#include "networkthread.h"
#include "translations.h"
#include "version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>

#include <cstdio>

int main(int argc, char *argv[])
{
    SockPlay::NetworkThread::tuneAllocator(); // before the first large buffer
    QApplication::setApplicationName(QStringLiteral("SockPlay"));
    QApplication::setApplicationVersion(QStringLiteral(SOCKPLAY_VERSION));
    QApplication::setOrganizationName(QStringLiteral("SockPlay"));
    QApplication::setDesktopFileName(QStringLiteral("sockplay"));

    // The arguments are read before the application exists: --help,
    // --version and --demo list answer without a display (and help2man
    // writes the man page from them on a build machine).
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "SockPlay: a socket playground."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    SockPlay::DemoCommandLine::addOptions(parser);
    parser.addPositionalArgument(QStringLiteral("SESSION"),
                                 QApplication::translate("main", "A session file to open (saved by File > Save session)."),
                                 QStringLiteral("[SESSION]"));
    if (!parser.parse(arguments)) {
        QString reason = parser.errorText();
        if (reason.endsWith(QLatin1Char('.')))
            reason.chop(1);
        std::fprintf(stderr, "sockplay: %s; try 'sockplay --help'\n", qPrintable(reason));
        return 2;
    }
    if (parser.isSet(help) || parser.isSet(QStringLiteral("help-all"))) {
        QString text = parser.helpText();
        text.replace(QStringLiteral("Usage: <executable_name>"), QStringLiteral("Usage: sockplay"));
        std::fputs(qPrintable(text), stdout);
        return 0;
    }
    if (parser.isSet(version)) {
        std::printf("sockplay %s\nQt %s\n", SOCKPLAY_VERSION, qVersion());
        return 0;
    }
    if (parser.positionalArguments().size() > 1) {
        std::fprintf(stderr, "sockplay: one session file at most; try 'sockplay --help'\n");
        return 2;
    }
    const SockPlay::DemoCommandLine demo(parser);
    if (demo.exitCode()) {
        demo.print();
        return *demo.exitCode();
    }

    QApplication app(argc, argv);
    // The window speaks the user's language; everything printed above stays English.
    SockPlay::installTranslations(app, QLocale::system());
    SockPlay::NetworkThread::raiseDescriptorLimit(); // a classroom's worth of clients and more

    SockPlay::MainWindow window;
    window.restoreSettings(); // size, zoom, the last endpoints: as the last run left them
    if (!parser.positionalArguments().isEmpty()) {
        const QString path = parser.positionalArguments().constFirst();
        if (const SockPlay::Result opened = window.openSession(path); !opened) {
            std::fprintf(stderr, "sockplay: cannot open the session %s: %s\n", qPrintable(path), qPrintable(opened.error));
            return 2;
        }
    }
    window.show();
    demo.apply(window);
    return app.exec();
}
