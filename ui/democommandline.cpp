#include "democommandline.h"

#include "demo.h"
#include "mainwindow.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStringList>

#include <cstdio>

namespace SockPlay {

namespace {

QStringList demoIds()
{
    QStringList ids;
    const QList<DemoInfo> demos = DemoRunner::demos();
    for (const DemoInfo &demo : demos)
        ids.append(demo.id);
    return ids;
}

} // namespace

QCommandLineOption DemoCommandLine::demoOption()
{
    return QCommandLineOption(
        QStringLiteral("demo"),
        QCoreApplication::translate("DemoCommandLine",
                                    "Open the window with a built-in demo loaded and its panel shown; Next (Ctrl+Right) "
                                    "runs each step. NAME is one of: %1. \"list\" prints them.")
            .arg(demoIds().join(QStringLiteral(", "))),
        QCoreApplication::translate("DemoCommandLine", "NAME"));
}

QCommandLineOption DemoCommandLine::runAllOption()
{
    return QCommandLineOption(QStringLiteral("run-all"),
                              QCoreApplication::translate("DemoCommandLine",
                                                          "With --demo: run every step at once instead of waiting for Next."));
}

void DemoCommandLine::addOptions(QCommandLineParser &parser)
{
    parser.addOption(demoOption());
    parser.addOption(runAllOption());
}

QString DemoCommandLine::demoList()
{
    QString text;
    const QList<DemoInfo> demos = DemoRunner::demos();
    qsizetype width = 0;
    for (const DemoInfo &demo : demos)
        width = qMax(width, demo.id.size());
    for (const DemoInfo &demo : demos)
        text += demo.id.leftJustified(width + 2) + demo.title + QStringLiteral(": ") + demo.summary + u'\n';
    return text;
}

DemoCommandLine::DemoCommandLine(const QCommandLineParser &parser)
{
    m_runAll = parser.isSet(runAllOption());
    if (!parser.isSet(demoOption())) {
        if (m_runAll) {
            m_error = QCoreApplication::translate("DemoCommandLine", "sockplay: --run-all needs --demo NAME\n");
            m_exitCode = 2;
        }
        return;
    }
    const QString id = parser.value(demoOption()).trimmed();
    if (id == QLatin1String("list")) {
        m_output = demoList();
        m_exitCode = 0;
        return;
    }
    if (!DemoRunner::find(id)) {
        m_error = QCoreApplication::translate("DemoCommandLine", "sockplay: no demo called “%1”. The demos are:\n%2")
                      .arg(id, demoList());
        m_exitCode = 2;
        return;
    }
    m_demoId = id;
}

void DemoCommandLine::print() const
{
    if (!m_output.isEmpty())
        std::fputs(m_output.toLocal8Bit().constData(), stdout);
    if (!m_error.isEmpty())
        std::fputs(m_error.toLocal8Bit().constData(), stderr);
}

void DemoCommandLine::apply(MainWindow &window) const
{
    if (m_demoId.isEmpty())
        return;
    if (window.loadDemo(m_demoId) && m_runAll)
        window.demoRunner()->runAll();
}

} // namespace SockPlay
