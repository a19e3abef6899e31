#pragma once

#include "script.h"
#include "scriptrunner.h"

#include <QAbstractListModel>
#include <QIcon>

namespace SockPlay {

/// A script's steps as a list, each with the status of the last run:
/// "✓ 2  Passed  send "PING 1\n" to client", and for a failed step
/// its message on a second line ("got "PONX 1" (no match within 1000 ms)"). The status is there
/// three times — a mark, a coloured icon and a word — so that no one needs
/// the colour to read it (a projector, a screen reader, colour blindness).
class ScriptStepsModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScriptStepsModel)
public:
    enum Role {
        StatusRole = Qt::UserRole + 1, ///< StepResult::Status, as int
        StatusTextRole,                ///< "Passed"
        MessageRole,                   ///< the step's message ("got … instead"), may be empty
    };

    explicit ScriptStepsModel(QObject *parent = nullptr);

    /// New steps, every one Pending.
    void setSteps(const QList<ScriptStep> &steps);
    const QList<ScriptStep> &steps() const { return m_steps; }
    /// Every step Pending again (before a run).
    void resetResults();
    void setRunning(int row);
    void setResult(int row, const StepResult &result);
    StepResult result(int row) const { return m_results.value(row); }
    /// Steps with this status.
    int count(StepResult::Status status) const;
    /// The first failed step, or -1.
    int firstFailed() const;

    /// "Pending", "Running", "Passed", "Failed", "Skipped".
    static QString statusName(StepResult::Status status);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QIcon icon(StepResult::Status status) const;

    QList<ScriptStep> m_steps;
    QList<StepResult> m_results;
    mutable QHash<int, QIcon> m_icons; // drawn once per status
};

} // namespace SockPlay
