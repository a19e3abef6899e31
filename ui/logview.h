#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace SockPlay {

class LogModel;
class Session;

/// The live log pane: a header row (title, event count, payload as Text/Hex,
/// Limits…, Clear) above a table of every event, shared by every endpoint.
///
/// The table uses fixed row heights so that a million rows cost no more than
/// a hundred, and it follows new rows unless the user scrolled up to read.
class LogView : public QWidget
{
    Q_OBJECT
public:
    explicit LogView(Session *session, QWidget *parent = nullptr);

    LogModel *model() const { return m_model; }
    QTableView *tableView() const { return m_view; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyFontMetrics();
    void updateCount();
    bool isScrolledToBottom() const;

    void editLimits();

    Session *m_session = nullptr;
    LogModel *m_model = nullptr;
    QPushButton *m_limitsButton = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_countLabel = nullptr;
    QComboBox *m_payloadModeCombo = nullptr;
    QPushButton *m_clearButton = nullptr;
    bool m_followBottom = true;
};

} // namespace SockPlay
