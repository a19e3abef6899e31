#include "mainwindow.h"

#include <QApplication>
#include <QIcon>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("SockPlay"));
    QApplication::setOrganizationName(QStringLiteral("SockPlay"));
    QApplication::setDesktopFileName(QStringLiteral("sockplay"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/sockplay/sockplay.svg")));

    SockPlay::MainWindow window;
    window.show();
    return app.exec();
}
