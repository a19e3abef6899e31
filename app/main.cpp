#include "democommandline.h"
#include "mainwindow.h"
#include "networkthread.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char *argv[])
{
    SockPlay::NetworkThread::tuneAllocator(); // before the first large buffer
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("SockPlay"));
    QApplication::setOrganizationName(QStringLiteral("SockPlay"));
    QApplication::setDesktopFileName(QStringLiteral("sockplay"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "SockPlay: a socket playground."));
    parser.addHelpOption();
    SockPlay::DemoCommandLine::addOptions(parser);
    parser.process(app);
    const SockPlay::DemoCommandLine demo(parser);
    if (demo.exitCode()) {
        demo.print();
        return *demo.exitCode();
    }

    SockPlay::NetworkThread::raiseDescriptorLimit(); // a classroom's worth of clients and more

    SockPlay::MainWindow window;
    window.restoreSettings(); // size, zoom, the last endpoints: as the last run left them
    window.show();
    demo.apply(window);
    return app.exec();
}
