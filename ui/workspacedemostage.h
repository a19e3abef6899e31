#pragma once

#include "demo.h"

#include <QList>
#include <QObject>

namespace SockPlay {

class EndpointPane;
class Workspace;

/// The window's stage for the built-in demos: each endpoint a demo adds is a
/// pane of its own in the Workspace (a server tab or a client tab, named as
/// the demo names it, its fields filled from the demo's config), beside the
/// user's own panes, which a demo never touches. The runner starts and stops
/// the endpoints through the session; the panes follow their snapshots as
/// they follow any endpoint's.
///
/// removeEndpoint() closes the pane (the endpoint stops and leaves the
/// session). showView() is passed on as viewRequested(): the window opens
/// the dock.
class WorkspaceDemoStage final : public QObject, public DemoStage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkspaceDemoStage)
public:
    explicit WorkspaceDemoStage(Workspace *workspace, Session *session, QObject *parent = nullptr);
    ~WorkspaceDemoStage() override;

    Session *session() const override { return m_session; }
    int addEndpoint(const EndpointConfig &config) override;
    void removeEndpoint(int endpointId) override;
    void showView(View view) override;

    /// The panes of the demo's endpoints still open, in the order added.
    QList<EndpointPane *> panes() const;

signals:
    void viewRequested(SockPlay::DemoStage::View view);

private:
    EndpointPane *paneOf(int endpointId) const;

    Workspace *m_workspace = nullptr;
    Session *m_session = nullptr;
    QList<int> m_endpointIds; // the demo's, in order; closed ones leave
};

} // namespace SockPlay
