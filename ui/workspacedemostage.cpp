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
    // The demo names its endpoints and refers to them by those names (its
    // narration, the log, the ladder): the pane takes the name as given,
    // even where one of the user's endpoints has it too.
    EndpointPane *pane = nullptr;
    if (config.role == Role::Server)
        pane = m_workspace->addServerPane(config.displayName());
    else
        pane = m_workspace->addClientPane(config.displayName());
    if (pane->name() != config.displayName())
        pane->setName(config.displayName());
    pane->applySettings(config);
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
