package com.example.orders.testsupport;

import com.example.orders.localinfra.ServiceDatabase;

/** The PostgreSQL server of this test JVM, handing each service its own database and login. */
public interface TestDatabases extends Restartable {

    ServiceDatabase provision(String serviceName);
}
