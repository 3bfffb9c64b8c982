import java.time.Duration;
import java.util.*;
import org.apache.kafka.clients.consumer.*;
import org.apache.kafka.clients.producer.*;
import org.apache.kafka.common.serialization.*;
/** Producer -> consumer latency on the local broker: 300 records, 100 ms apart. Args: [linger.ms]. */
public class KafkaEndToEnd {
  public static void main(String[] a) throws Exception {
    String topic = "lat-probe-" + System.currentTimeMillis();
    Properties p = new Properties();
    p.put("bootstrap.servers","127.0.0.1:9092"); p.put("acks","all"); p.put("enable.idempotence","true"); p.put("linger.ms", a.length>0?a[0]:"1");
    KafkaProducer<String,String> prod = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    Properties c = new Properties();
    c.put("bootstrap.servers","127.0.0.1:9092"); c.put("group.id","lat-"+topic); c.put("auto.offset.reset","earliest");
    KafkaConsumer<String,String> cons = new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer());
    prod.send(new ProducerRecord<>(topic,"k","warm")).get();
    cons.subscribe(List.of(topic));
    while (cons.poll(Duration.ofMillis(500)).isEmpty()) {}
    long[] lat = new long[300];
    Thread t = new Thread(() -> { try { for (int i=0;i<300;i++){ Thread.sleep(100); prod.send(new ProducerRecord<>(topic,"k",Long.toString(System.nanoTime()))); } } catch(Exception e){} });
    t.start();
    int n=0;
    while (n<300) { for (ConsumerRecord<String,String> r : cons.poll(Duration.ofMillis(1000))) { lat[n++] = (System.nanoTime()-Long.parseLong(r.value()))/1000; } }
    Arrays.sort(lat); System.out.println("linger="+p.get("linger.ms")+" p50 us "+lat[150]+" p90 "+lat[270]+" p99 "+lat[297]);
    prod.close(); cons.close();
  }
}
