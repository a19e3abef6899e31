#pragma once

#include "endpointtypes.h"
#include "result.h"

#include <QPointer>
#include <QSet>
#include <QSplitter>

class QLabel;
class QStackedWidget;
class QTabWidget;

namespace SockPlay {

class ClientPane;
class EndpointPane;
class MessageLibraryModel;
class ServerPane;
class Session;

/// The panes area: servers in a tab widget on the left ("serverEndpointTabs"),
/// clients in one on the right ("clientEndpointTabs"), side by side. (The
/// panes' own message tabs keep the names "serverTabs", "clientTabs".) Each tab is one
/// endpoint of the session: its text the endpoint's name, its icon the
/// endpoint's colour (EndpointColors); each can be closed (the endpoint is
/// stopped and removed from the session, the pane deleted). A side with no
/// pane shows how to add one.
///
/// Names are unique in the session ("server", "client", "client 2", …); the
/// first pane of each side keeps the objectNames harnesses know
/// ("serverStartButton"), later ones get a numbered prefix ("client2…").
/// Every client that follows the server follows the current server tab.
class Workspace final : public QSplitter
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Workspace)
public:
    Workspace(Session *session, MessageLibraryModel *library, QWidget *parent = nullptr);
    ~Workspace() override;

    /// A new server pane, named name (empty: the next free "server N"),
    /// on a free port, shown as the current tab.
    ServerPane *addServerPane(const QString &name = {});
    /// A new client pane following the current server, shown as the current tab.
    ClientPane *addClientPane(const QString &name = {});
    /// Stops the pane's endpoint, removes it from the session, deletes the pane.
    void closePane(EndpointPane *pane);
    /// Every pane closed (a session file is about to fill the workspace).
    void closeAll();

    QList<ServerPane *> serverPanes() const;
    QList<ClientPane *> clientPanes() const;
    /// Servers first, then clients, each in tab order.
    QList<EndpointPane *> panes() const;
    /// The server the clients follow: the server side's current tab (or none).
    ServerPane *currentServer() const;
    /// The pane the keyboard is in, else the one last used, else the current server.
    EndpointPane *currentPane() const;
    /// Shows the pane's tab (and notes it as the one last used).
    void showPane(EndpointPane *pane);

    /// Renames the pane's endpoint. Refused (nothing changes) when the name
    /// is empty or another endpoint of the session has it.
    Result renamePane(EndpointPane *pane, const QString &name);
    /// A name no endpoint has: base, else "base 2", "base 3", …
    QString uniqueName(const QString &base) const;

    /// Follows the width of the viewport the workspace scrolls in: servers
    /// beside clients where both fit, else servers above clients (the
    /// viewport then scrolls vertically, never sideways).
    void followViewport(QWidget *viewport);

    QTabWidget *serverTabs() const { return m_serverTabs; }
    QTabWidget *clientTabs() const { return m_clientTabs; }

signals:
    void paneAdded(SockPlay::EndpointPane *pane);
    /// The pane is gone (its endpoint removed from the session).
    void paneClosed(int endpointId);
    /// The current server changed, or where it listens: the script panel follows.
    void serverTargetChanged();
    /// A tab's name was double-clicked: the window asks for a new name.
    void renameRequested(SockPlay::EndpointPane *pane);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fitWidth(int width);
    void addPane(EndpointPane *pane, QTabWidget *tabs);
    void syncClientsToServer();
    void updateHints();
    /// "server", "server2", … : the first objectName prefix no pane uses.
    QString freePrefix(const QString &base) const;
    bool nameTaken(const QString &name, const EndpointPane *except) const;
    QTabWidget *tabsOf(const EndpointPane *pane) const;
    QWidget *makeSide(QTabWidget *tabs, QLabel *hint, QStackedWidget **stack);
    void trackFocus(QWidget *now);

    Session *m_session = nullptr;
    MessageLibraryModel *m_library = nullptr;
    QTabWidget *m_serverTabs = nullptr;
    QTabWidget *m_clientTabs = nullptr;
    QStackedWidget *m_serverSide = nullptr;
    QStackedWidget *m_clientSide = nullptr;
    QLabel *m_serverHint = nullptr;
    QLabel *m_clientHint = nullptr;
    QPointer<EndpointPane> m_lastPane;
    QWidget *m_viewport = nullptr;
    QSet<int> m_closedIds; // endpoints of closed panes, whatever the session still reports
};

} // namespace SockPlay
