#pragma once

#include "logfilter.h"

#include <QWidget>

class QBoxLayout;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace SockPlay {

class ErrorLabel;

/// The row of controls above the live log: what to show (kind, side,
/// connection, direction), what to search for (text, regex or hex bytes)
/// with previous/next and the count of matches, and following the newest
/// events. It holds no results: LogView runs the scans and reports back.
class LogFilterBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogFilterBar)
public:
    explicit LogFilterBar(QWidget *parent = nullptr);

    /// The kind, side, connection and direction chosen (no query).
    LogFilter criteria() const;
    /// The criteria and the search query, compiled; invalid while the query is.
    LogFilter search() const;

    /// Shows the count of matches: none when not searching; the current
    /// row's match (0-based, -1: none); percent is how far the scan got (-1: done).
    void showMatches(bool searching, qsizetype count, int current, int percent);
    /// Shows only one side's events ("server", "client"; empty: both), and of
    /// those only connection #connectionId's (-1: every connection).
    /// Lists an endpoint by name in the side filter (once).
    void addEndpointName(const QString &name);
    /// Lists endpoint endpointId as name, or renames its entry: the filter
    /// then keeps that endpoint's events by id, old rows (logged under its
    /// old name) included. An unnamed entry of that name takes the id.
    void setEndpoint(int endpointId, const QString &name);
    /// The endpoint is gone: its entry too (Both sides, if it was chosen).
    void removeEndpoint(int endpointId);
    void showOnly(const QString &side, int connectionId);
    QSize minimumSizeHint() const override;

    /// Whether following is paused (the table stays where it is).
    bool isFollowPaused() const { return m_followPaused; }
    void setFollowPaused(bool paused);

signals:
    void criteriaChanged();
    /// The query or its mode changed (after validation: search() says if it is valid).
    void searchChanged();
    void nextRequested();
    void previousRequested();
    /// The user asked to jump to the newest event and follow again.
    void jumpToNewestRequested();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void validate();

    QBoxLayout *m_rows = nullptr;        // the two rows side by side, or one above the other
    QHBoxLayout *m_searchRow = nullptr;
    QHBoxLayout *m_filterRow = nullptr;
    QLineEdit *m_searchEdit = nullptr;
    QComboBox *m_modeCombo = nullptr;
    QComboBox *m_kindCombo = nullptr;
    QComboBox *m_sideCombo = nullptr;
    QSpinBox *m_connectionSpin = nullptr;
    QComboBox *m_directionCombo = nullptr;
    QPushButton *m_prevButton = nullptr;
    QPushButton *m_nextButton = nullptr;
    QLabel *m_countLabel = nullptr;
    QPushButton *m_followButton = nullptr;
    ErrorLabel *m_errorLabel = nullptr;
    bool m_followPaused = false;
};

} // namespace SockPlay
