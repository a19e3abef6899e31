#include "workspacedemostage.h"

#include "clientpane.h"
#include "endpointpane.h"
#include "serverpane.h"
#include "workspace.h"

namespace SockPlay {

WorkspaceDemoStage::WorkspaceDemoStage(Workspace *workspace, Session *session, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_session(session)
{
    setObjectName(QStringLiteral("workspaceDemoStage"));
    // A demo pane the user closes by hand is no longer the demo's.
    connect(m_workspace, &Workspace::paneClosed, this, [this](int endpointId) { m_endpointIds.removeAll(endpointId); });
}

WorkspaceDemoStage::~WorkspaceDemoStage() = default;

int WorkspaceDemoStage::addEndpoint(const EndpointConfig &config)
{
    // The demo's name where it is free, else the next free one ("server 2"
    // beside the user's "server"): the runner starts the endpoint under the
    // name the pane has, so the tab, the log and the ladder agree.
    const QString name = m_workspace->uniqueName(config.displayName());
    EndpointPane *pane = config.role == Role::Server ? static_cast<EndpointPane *>(m_workspace->addServerPane(name))
                                                     : m_workspace->addClientPane(name);
    EndpointConfig named = config;
    named.name = pane->name();
    pane->applySettings(named);
    m_workspace->showPane(pane);
    m_endpointIds.append(pane->endpointId());
    return pane->endpointId();
}

void WorkspaceDemoStage::removeEndpoint(int endpointId)
{
    if (EndpointPane *pane = paneOf(endpointId))
        m_workspace->closePane(pane); // paneClosed forgets it
    else
        m_endpointIds.removeAll(endpointId);
}

void WorkspaceDemoStage::showView(View view)
{
    emit viewRequested(view);
}

QList<EndpointPane *> WorkspaceDemoStage::panes() const
{
    QList<EndpointPane *> list;
    for (int id : m_endpointIds) {
        if (EndpointPane *pane = paneOf(id))
            list.append(pane);
    }
    return list;
}

EndpointPane *WorkspaceDemoStage::paneOf(int endpointId) const
{
    const QList<EndpointPane *> all = m_workspace->panes();
    for (EndpointPane *pane : all) {
        if (pane->endpointId() == endpointId)
            return pane;
    }
    return nullptr;
}

} // namespace SockPlay
