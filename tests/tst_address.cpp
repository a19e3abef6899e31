// How addresses are shown and how typed bind addresses are read.
#include "address.h"

#include <QTest>

using namespace SockPlay;

class TestAddress : public QObject
{
    Q_OBJECT
private slots:
    void formatAddressShowsWhatAUserTypes_data();
    void formatAddressShowsWhatAUserTypes();
    void parseBindAddress_data();
    void parseBindAddress();
};

void TestAddress::formatAddressShowsWhatAUserTypes_data()
{
    QTest::addColumn<QHostAddress>("address");
    QTest::addColumn<QString>("shown");
    QTest::newRow("IPv4") << QHostAddress(QStringLiteral("127.0.0.1")) << QStringLiteral("127.0.0.1:80");
    QTest::newRow("IPv6 in brackets") << QHostAddress(QStringLiteral("::1")) << QStringLiteral("[::1]:80");
    QTest::newRow("IPv4-mapped shown as IPv4") << QHostAddress(QStringLiteral("::ffff:127.0.0.1"))
                                               << QStringLiteral("127.0.0.1:80");
    QTest::newRow("IPv6 any stays IPv6") << QHostAddress(QHostAddress::AnyIPv6) << QStringLiteral("[::]:80");
    QTest::newRow("dual-stack any") << QHostAddress(QHostAddress::Any) << QStringLiteral("[::]:80");
    QTest::newRow("IPv4 any") << QHostAddress(QHostAddress::AnyIPv4) << QStringLiteral("0.0.0.0:80");
    QTest::newRow("null is empty") << QHostAddress() << QString();
}

void TestAddress::formatAddressShowsWhatAUserTypes()
{
    QFETCH(QHostAddress, address);
    QFETCH(QString, shown);
    QCOMPARE(formatAddress(address, 80), shown);
}

void TestAddress::parseBindAddress_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QHostAddress>("address");
    QTest::newRow("empty means loopback") << QString() << QHostAddress(QHostAddress::LocalHost);
    QTest::newRow("localhost") << QStringLiteral("localhost") << QHostAddress(QHostAddress::LocalHost);
    QTest::newRow("IPv4 with spaces") << QStringLiteral(" 127.0.0.1 ") << QHostAddress(QHostAddress::LocalHost);
    QTest::newRow("IPv6 in brackets") << QStringLiteral("[::1]") << QHostAddress(QHostAddress::LocalHostIPv6);
    QTest::newRow("any") << QStringLiteral("any") << QHostAddress(QHostAddress::Any);
    QTest::newRow("all IPv4") << QStringLiteral("0.0.0.0") << QHostAddress(QHostAddress::AnyIPv4);
    QTest::newRow(":: is dual-stack") << QStringLiteral("::") << QHostAddress(QHostAddress::Any);
    QTest::newRow("[::] is dual-stack") << QStringLiteral("[::]") << QHostAddress(QHostAddress::Any);
    QTest::newRow("not an address") << QStringLiteral("300.1.2.3") << QHostAddress();
    QTest::newRow("a name is not a bind address") << QStringLiteral("example.invalid") << QHostAddress();
}

void TestAddress::parseBindAddress()
{
    QFETCH(QString, text);
    QFETCH(QHostAddress, address);
    QCOMPARE(SockPlay::parseBindAddress(text), address);
}

QTEST_GUILESS_MAIN(TestAddress)
#include "tst_address.moc"
