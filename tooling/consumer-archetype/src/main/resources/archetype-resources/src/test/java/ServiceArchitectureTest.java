package ${package};

import org.junit.jupiter.api.Test;

import com.example.orders.testsupport.ArchitectureRules;
import com.example.orders.testsupport.ConsumerContracts;

class ServiceArchitectureTest {

    /** Add an {@code api} package (REST resources) and drop {@code Absent.API} when the service gets an HTTP API. */
    @Test
    void keepsItsLayersItsPortsAndItsModuleBoundaries() {
        ArchitectureRules.assertServiceArchitecture("${package}", ArchitectureRules.Absent.API);
    }

    /** Its entry in shared-events' consumers.yaml: the topics it consumes and the payload fields it reads. */
    @Test
    void consumesWhatTheConsumerCatalogueSaysAndReadsOnlyTheFieldsItDeclares() {
        ConsumerContracts.assertCatalogued("${artifactId}", "${package}");
    }
}
