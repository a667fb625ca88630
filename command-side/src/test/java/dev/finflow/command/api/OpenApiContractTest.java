package dev.finflow.command.api;

import dev.finflow.command.CommandSideTest;
import dev.finflow.testing.EndpointRoleTable;
import dev.finflow.testing.OpenApiContract;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@CommandSideTest
class OpenApiContractTest {

    @Autowired
    ApplicationContext context;
    @LocalServerPort
    int port;

    @Test
    void dump() throws Exception {
        OpenApiContract contract = OpenApiContract.of(port);
        Files.writeString(Path.of("/tmp/oa/command.json"), contract.document().toPrettyString());
        assertThat(contract.operations()).isEqualTo(OpenApiContract.mappingsUnder(EndpointRoleTable.mappings(context), "/api/"));
    }
}
