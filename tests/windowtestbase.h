#pragma once
// What the window's transport tests share (tst_ui_transports, tst_ui_relay,
// tst_ui_serial, tst_ui_multicast): settings kept in a temporary folder, a
// shown MainWindow for each test function, widgets found by object name, the
// log's events, and a transport picked from the keyboard.

#include "event.h"
#include "eventlog.h"
#include "mainwindow.h"
#include "testsupport.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace SockPlay::Test {

class WindowTest : public QObject
{
protected:
    /// For initTestCase: this test's settings in a folder of its own.
    void isolateSettings(const QString &testName)
    {
        QVERIFY(m_settingsDir.isValid());
        QCoreApplication::setOrganizationName(QStringLiteral("SockPlayTest"));
        QCoreApplication::setApplicationName(testName);
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
        QStandardPaths::setTestModeEnabled(true);
    }

    /// For init: a new window, shown.
    void openWindow()
    {
        m_window = std::make_unique<MainWindow>();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    /// For cleanup.
    void closeWindow() { m_window.reset(); }

    template <typename T> T *widget(const QString &name) const
    {
        T *found = m_window->findChild<T *>(name);
        if (!found)
            qWarning("no widget %s", qPrintable(name));
        return found;
    }

    /// Picks a transport in a pane's combo ("server", "client") from the
    /// keyboard, as a user does.
    void pickTransport(const QString &side, const QString &name)
    {
        auto *combo = widget<QComboBox>(side + QStringLiteral("TransportCombo"));
        QVERIFY(combo);
        const int index = combo->findText(name);
        QVERIFY2(index >= 0, qPrintable(name));
        combo->setFocus(Qt::TabFocusReason);
        QTest::keyClick(combo, Qt::Key_Home);
        for (int i = 0; i < index; ++i)
            QTest::keyClick(combo, Qt::Key_Down);
        QCOMPARE(combo->currentText(), name);
    }

    QList<Event> events(EventKind kind, int endpointId) const
    {
        m_window->log()->flush();
        return eventsOf(*m_window->log(), endpointId, kind);
    }

    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_settingsDir;
};

} // namespace SockPlay::Test
