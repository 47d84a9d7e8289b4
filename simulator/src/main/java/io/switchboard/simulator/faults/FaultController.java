package io.switchboard.simulator.faults;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Control API: inject, list and clear faults. */
@RestController
@RequestMapping("/simulator/api/faults")
class FaultController {

  private final FaultRegistry faults;

  FaultController(FaultRegistry faults) {
    this.faults = faults;
  }

  @PostMapping
  ResponseEntity<FaultRule> add(@RequestBody FaultRule request) {
    if (request.type() == null) {
      return ResponseEntity.badRequest().build();
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(faults.add(request));
  }

  @GetMapping
  List<FaultRule> list() {
    return faults.list();
  }

  @DeleteMapping
  ResponseEntity<Void> clear() {
    faults.reset();
    return ResponseEntity.noContent().build();
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> remove(@PathVariable String id) {
    return faults.remove(id)
        ? ResponseEntity.noContent().build()
        : ResponseEntity.notFound().build();
  }
}
