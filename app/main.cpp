#include "mainwindow.h"
#include "networkthread.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    SockPlay::NetworkThread::tuneAllocator(); // before the first large buffer
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("SockPlay"));
    QApplication::setOrganizationName(QStringLiteral("SockPlay"));
    QApplication::setDesktopFileName(QStringLiteral("sockplay"));

    SockPlay::NetworkThread::raiseDescriptorLimit(); // a classroom's worth of clients and more

    SockPlay::MainWindow window;
    window.restoreSettings(); // size, zoom, the last endpoints: as the last run left them
    window.show();
    return app.exec();
}
