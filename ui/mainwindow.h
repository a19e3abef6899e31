#pragma once

#include <QMainWindow>

class QLabel;
class QSplitter;

namespace SockPlay {

class ClientPane;
class EventLog;
class LogView;
class ServerPane;

/// The SockPlay window: the server pane and the client pane side by side, the
/// shared live log below, totals in the status bar. It owns the one EventLog
/// that every endpoint writes to.
///
/// It opens ready to demo: the server is preset to 127.0.0.1 and a free port,
/// and the client follows the server's address until the user edits it.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    EventLog *log() const { return m_log; }

private:
    void syncClientToServer();
    void updateTotals();

    EventLog *m_log = nullptr;
    ServerPane *m_serverPane = nullptr;
    ClientPane *m_clientPane = nullptr;
    LogView *m_logView = nullptr;
    QSplitter *m_panesSplitter = nullptr;
    QSplitter *m_mainSplitter = nullptr;
    QLabel *m_totalsLabel = nullptr;
};

} // namespace SockPlay
