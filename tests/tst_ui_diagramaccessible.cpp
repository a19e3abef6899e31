// A painted diagram's items reach the accessibility tree as named children.
#include "diagramaccessible.h"

#include <QAccessible>
#include <QTest>
#include <QWidget>

using namespace SockPlay;

namespace {
class ThreeSteps final : public QWidget, public DiagramItems
{
public:
    ThreeSteps() { installDiagramAccessibility(); }
    QStringList names{QStringLiteral("socket(): done"), QStringLiteral("bind(): done"),
                      QStringLiteral("listen(): not yet")};
    int current = 1;
    int diagramItemCount() const override { return int(names.size()); }
    QString diagramItemName(int index) const override { return names.at(index); }
    QRect diagramItemRect(int index) const override { return QRect(10, 10 + 30 * index, 100, 20); }
    bool diagramItemSelected(int index) const override { return index == current; }
    int diagramCurrentItem() const override { return current; }
};
} // namespace

class TestDiagramAccessible : public QObject
{
    Q_OBJECT
private slots:
    void itemsAreNamedChildren()
    {
        ThreeSteps diagram;
        diagram.setAccessibleName(QStringLiteral("Lifecycle"));
        diagram.resize(200, 120);
        diagram.show();
        QVERIFY(QTest::qWaitForWindowExposed(&diagram));
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(&diagram);
        QVERIFY(accessible);
        QCOMPARE(accessible->text(QAccessible::Name), QStringLiteral("Lifecycle"));
        QCOMPARE(accessible->childCount(), 3);
        for (int i = 0; i < 3; ++i) {
            QAccessibleInterface *child = accessible->child(i);
            QVERIFY(child);
            QCOMPARE(child->text(QAccessible::Name), diagram.names.at(i));
            QCOMPARE(child->parent(), accessible);
            QCOMPARE(accessible->indexOfChild(child), i);
            QCOMPARE(child->state().selected, i == 1);
            QCOMPARE(child->rect().size(), QSize(100, 20));
        }
        const QPoint middleOfSecond = diagram.mapToGlobal(QPoint(50, 50));
        QCOMPARE(accessible->childAt(middleOfSecond.x(), middleOfSecond.y()), accessible->child(1));
    }

    void followsChangedItems()
    {
        ThreeSteps diagram;
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(&diagram);
        QCOMPARE(accessible->childCount(), 3);
        diagram.names.append(QStringLiteral("accept(): done"));
        notifyDiagramItemsChanged(&diagram);
        QCOMPARE(accessible->childCount(), 4);
        QCOMPARE(accessible->child(3)->text(QAccessible::Name), QStringLiteral("accept(): done"));
        diagram.names.removeLast();
        diagram.names.removeLast();
        notifyDiagramItemsChanged(&diagram);
        QCOMPARE(accessible->childCount(), 2);
    }
};

QTEST_MAIN(TestDiagramAccessible)
#include "tst_ui_diagramaccessible.moc"
